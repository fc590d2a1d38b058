/** The service's namespace, with Pod Security admission set to the plan's level. */
import { changeAnnotations } from '@gatehouse/plugin-infra-plans-common';
import type { RenderContext } from '../context';
import { KubeObject, serviceLabels } from './meta';

export function namespace(ctx: RenderContext): KubeObject {
  const level = ctx.env.security?.podSecurity;
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: ctx.namespace,
      labels: {
        ...serviceLabels(ctx),
        ...(level
          ? {
              'pod-security.kubernetes.io/enforce': level,
              'pod-security.kubernetes.io/warn': level,
            }
          : {}),
      },
      ...(ctx.change ? { annotations: changeAnnotations(ctx.change) } : {}),
    },
  };
}
