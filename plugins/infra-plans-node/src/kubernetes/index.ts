/**
 * The kubernetes/ folder: the namespace (and default-deny policy) at the
 * top, a folder per workload with one object per file, and a
 * kustomization.yaml at each level so `kubectl apply -k kubernetes/`
 * applies everything. In ingress mode the top kustomization also fills the
 * Ingress annotations that come from Terraform.
 */
import type { RenderContext } from '../context';
import { ingressRoutes } from '../loadBalancing';
import { ingressSettings } from '../terraform/ingressSettings';
import type { RenderedFile } from '../types';
import { toYaml } from '../yaml';
import { analysisTemplate, hasCanaryAnalysis } from './analysis';
import { horizontalPodAutoscaler, podDisruptionBudget } from './autoscaling';
import { ingress, ingressSettingsKustomization } from './ingress';
import type { KubeObject } from './meta';
import { namespace } from './namespace';
import {
  defaultDenyEnabled,
  defaultDenyPolicy,
  workloadNetworkPolicy,
} from './networkPolicy';
import { service } from './service';
import { deliveryOf, workloadObject } from './workload';

function kustomization(resources: string[]) {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
  };
}

export function renderKubernetes(ctx: RenderContext): RenderedFile[] {
  const files: RenderedFile[] = [];
  const add = (path: string, object: object) =>
    files.push({
      path: `kubernetes/${path}`,
      content: toYaml(object, ctx.header),
    });

  const routes = ingressRoutes(ctx);
  const settings = ingressSettings(ctx);
  const top: string[] = ['namespace.yaml'];
  add('namespace.yaml', namespace(ctx));
  if (defaultDenyEnabled(ctx)) {
    add('default-deny.yaml', defaultDenyPolicy(ctx));
    top.push('default-deny.yaml');
  }

  for (const workload of ctx.env.workloads) {
    const delivery = deliveryOf(ctx, workload);
    const objects: Array<[string, KubeObject]> = [
      [
        delivery.kind === 'Deployment' ? 'deployment.yaml' : 'rollout.yaml',
        workloadObject(ctx, workload),
      ],
    ];
    const hasPorts = (workload.ports ?? []).length > 0;
    if (hasPorts) objects.push(['service.yaml', service(ctx, workload)]);
    if (
      hasPorts &&
      delivery.kind === 'Rollout' &&
      delivery.strategy === 'blue-green'
    ) {
      objects.push([
        'service-preview.yaml',
        service(ctx, workload, `${workload.name}-preview`),
      ]);
    }
    for (const route of routes.filter(r => r.workload === workload)) {
      objects.push([route.file, ingress(ctx, route, settings)]);
    }
    if (
      delivery.kind === 'Rollout' &&
      delivery.strategy === 'canary' &&
      hasCanaryAnalysis(ctx)
    ) {
      objects.push(['analysis-template.yaml', analysisTemplate(ctx, workload)]);
    }
    if (workload.autoscaling) {
      objects.push(['hpa.yaml', horizontalPodAutoscaler(ctx, workload)]);
    }
    if (workload.disruptionBudget) {
      objects.push(['pdb.yaml', podDisruptionBudget(ctx, workload)]);
    }
    if (defaultDenyEnabled(ctx)) {
      objects.push([
        'network-policy.yaml',
        workloadNetworkPolicy(ctx, workload),
      ]);
    }
    for (const [file, object] of objects)
      add(`${workload.name}/${file}`, object);
    add(
      `${workload.name}/kustomization.yaml`,
      kustomization(objects.map(([file]) => file)),
    );
    top.push(workload.name);
  }
  add('kustomization.yaml', {
    ...kustomization(top),
    ...ingressSettingsKustomization(settings, routes),
  });
  return files;
}
