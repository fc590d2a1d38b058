import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { appConfigFor } from '@gatehouse/cluster-simulator';
import { clustersPlugin } from '../plugin';
import { exampleEntities } from './exampleCatalog';
import {
  APPROVALS_ROUTES,
  COST_ROUTES,
  FakeCall,
  fakeSourcePlugin,
} from './fakePlugins';

/**
 * The clusters plugin in a test backend, pointed at (proxied) simulated
 * clusters, with the example catalog and stand-in approvals and cost plugins.
 */
export async function startClustersBackend(options: {
  clusters: Array<{ name: string; url: string }>;
  timeoutMs?: number;
  /** How long each watch lasts before it is resumed (default: longer than any test). */
  watchTimeoutMs?: number;
  /** Back-off of failing clusters (default: short, so tests see recoveries quickly). */
  retry?: {
    initialDelayMs: number;
    maxDelayMs: number;
    failuresBeforeDown: number;
  };
  pageSize?: number;
  deny?: boolean;
  hangingSources?: boolean;
  /** The catalog (default: the repository's example catalog). */
  entities?: Entity[];
}) {
  const calls: FakeCall[] = [];
  const backend = await startTestBackend({
    features: [
      clustersPlugin,
      catalogServiceMock.factory({
        entities: options.entities ?? exampleEntities(),
      }),
      mockServices.rootConfig.factory({
        data: {
          ...appConfigFor(options.clusters),
          gatehouse: {
            clusters: {
              timeout: { milliseconds: options.timeoutMs ?? 1000 },
              watchTimeout: { milliseconds: options.watchTimeoutMs ?? 600_000 },
              retry: {
                initialDelay: {
                  milliseconds: options.retry?.initialDelayMs ?? 20,
                },
                maxDelay: { milliseconds: options.retry?.maxDelayMs ?? 200 },
                failuresBeforeDown: options.retry?.failuresBeforeDown ?? 2,
              },
              ...(options.pageSize && { pageSize: options.pageSize }),
            },
          },
        },
      }),
      mockServices.rootLogger.factory({ level: 'error' }),
      fakeSourcePlugin({
        pluginId: 'approvals',
        routes: APPROVALS_ROUTES,
        calls,
        hang: options.hangingSources,
      }),
      fakeSourcePlugin({
        pluginId: 'cost',
        routes: COST_ROUTES,
        calls,
        hang: options.hangingSources,
      }),
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
  return { backend, server: backend.server, calls };
}
