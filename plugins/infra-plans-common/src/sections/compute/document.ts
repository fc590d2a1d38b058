/** The compute's parts of the generated documents. */
import type { DeploymentEnvironment } from '../../documents/deploymentArchitecturePlan';
import { groupCapacity } from '../../documents/derive';
import { facts, table } from '../../documents/markdown';
import type { EnvironmentPlan } from '../../schema';
import type { NodeGroup } from './schema';

function describeTaints(group: NodeGroup): string[] {
  return (group.taints ?? []).map(t => `${t.key}=${t.value ?? ''}:${t.effect}`);
}

/** `Infrastructure_Requirements.md`: the cluster and its node groups with their capacity. */
export function computeRequirements(env: EnvironmentPlan): string {
  const c = env.compute;
  const rows = c.nodeGroups.map(g => {
    const cap = groupCapacity(g);
    return [
      g.name,
      g.instanceTypes.join(', '),
      g.capacityType ?? 'on-demand',
      g.minSize,
      g.desiredSize,
      g.maxSize,
      cap ? `${cap.vcpu.min}–${cap.vcpu.max}` : 'unknown type',
      cap ? `${cap.memoryGiB.min}–${cap.memoryGiB.max}` : 'unknown type',
      describeTaints(g).join(', '),
    ];
  });
  return [
    '### Compute\n\n',
    facts([
      [
        'Cluster',
        `Amazon EKS ${c.cluster.kubernetesVersion}${
          c.cluster.name ? ` (${c.cluster.name})` : ''
        }`,
      ],
      ['API endpoint', c.cluster.endpointAccess],
      ['Add-ons', c.cluster.addons?.join(', ')],
    ]),
    '\n',
    table(
      [
        'Node group',
        'Instance types',
        'Capacity',
        'Min',
        'Desired',
        'Max',
        'vCPU (min–max)',
        'Memory GiB (min–max)',
        'Taints',
      ],
      rows,
    ),
  ].join('');
}

/** `Deployment_Architecture_Plan.json`: the environment's `cluster`. */
export function clusterDeployment(
  env: EnvironmentPlan,
): DeploymentEnvironment['cluster'] {
  return {
    platform: 'eks',
    kubernetesVersion: env.compute.cluster.kubernetesVersion,
    endpointAccess: env.compute.cluster.endpointAccess ?? null,
    nodeGroups: env.compute.nodeGroups.map(g => {
      const cap = groupCapacity(g);
      return {
        name: g.name,
        instanceTypes: [...g.instanceTypes],
        capacityType: g.capacityType ?? 'on-demand',
        minSize: g.minSize,
        desiredSize: g.desiredSize,
        maxSize: g.maxSize,
        taints: describeTaints(g),
        vcpu: cap ? cap.vcpu : null,
        memoryGiB: cap ? cap.memoryGiB : null,
      };
    }),
  };
}

/** `Scalability_Architecture_Design.md`: node group sizes and what changes them. */
export function nodeGroupsScalability(env: EnvironmentPlan): string {
  return [
    '### Node groups\n\n',
    table(
      [
        'Node group',
        'Instance types',
        'Min',
        'Desired',
        'Max',
        'vCPU at min / max',
        'Memory GiB at min / max',
        'Nodes replaced at once',
      ],
      env.compute.nodeGroups.map(g => {
        const cap = groupCapacity(g);
        return [
          g.name,
          g.instanceTypes.join(', '),
          g.minSize,
          g.desiredSize,
          g.maxSize,
          cap ? `${cap.vcpu.min} / ${cap.vcpu.max}` : 'unknown',
          cap ? `${cap.memoryGiB.min} / ${cap.memoryGiB.max}` : 'unknown',
          g.maxUnavailable ?? 1,
        ];
      }),
    ),
    // No cluster autoscaler (or Karpenter) is generated: say what is true.
    '\nNode groups run at their desired size: nothing in the generated repository adds or removes nodes automatically. Raise `desiredSize` (within min and max) when pods stay pending.\n\n',
  ].join('');
}
