/** The terraform/ folder: one file per concern, only those the environment needs. */
import type { RenderContext } from '../context';
import type { RenderedFile } from '../types';
import {
  renderBackend,
  renderProviders,
  renderTfvars,
  renderVariables,
  renderVersions,
} from './base';
import { renderCache } from './cache';
import { renderDatabase } from './database';
import { renderEks } from './eks';
import { hasLoadBalancerResources, renderLoadBalancers } from './loadbalancer';
import { renderNetwork } from './network';
import { renderOutputs } from './outputs';
import { renderQueues } from './queues';
import { hasSecurity, renderSecurity } from './security';
import { renderStorage } from './storage';

export function renderTerraform(ctx: RenderContext): RenderedFile[] {
  const data = ctx.env.data ?? {};
  const files: Array<[string, boolean, () => string]> = [
    ['versions.tf', true, () => renderVersions(ctx)],
    ['backend.tf', true, () => renderBackend(ctx)],
    ['providers.tf', true, () => renderProviders(ctx)],
    ['variables.tf', true, () => renderVariables(ctx)],
    ['terraform.tfvars', true, () => renderTfvars(ctx)],
    ['network.tf', true, () => renderNetwork(ctx)],
    ['security.tf', hasSecurity(ctx), () => renderSecurity(ctx)],
    ['eks.tf', true, () => renderEks(ctx)],
    [
      'database.tf',
      (data.databases ?? []).length > 0,
      () => renderDatabase(ctx),
    ],
    ['cache.tf', (data.caches ?? []).length > 0, () => renderCache(ctx)],
    [
      'storage.tf',
      (data.objectStorage ?? []).length > 0,
      () => renderStorage(ctx),
    ],
    ['queues.tf', (data.queues ?? []).length > 0, () => renderQueues(ctx)],
    [
      'loadbalancer.tf',
      hasLoadBalancerResources(ctx),
      () => renderLoadBalancers(ctx),
    ],
    ['outputs.tf', true, () => renderOutputs(ctx)],
  ];
  return files
    .filter(([, wanted]) => wanted)
    .map(([name, , render]) => ({
      path: `terraform/${name}`,
      content: render(),
    }));
}
