import { parseTerraformPlan, readInfraPlan } from '@gatehouse/plugin-cost-node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES } from '../__testUtils__/exampleCatalog';
import { nodeGroupScalingPlan } from '../__testUtils__/terraformPlans';
import { readSubmittedInfraPlan } from './infraPlan';
import { scalingCeilingReasons } from './scalingCeilings';

/** The date these plans are validated on: support calendars depend on it. */
const ON = new Date('2026-12-07T12:00:00Z');

const apiPlan = readFileSync(
  join(EXAMPLES, 'plans/orchestrator-api/infra-plan.yaml'),
  'utf8',
);

const sizes = (max: number) => ({ desired: 2, min: 1, max });

describe('raised scaling ceilings', () => {
  it('are found in a Terraform plan: node groups, scaling groups and HPAs that may grow further', () => {
    const plan = parseTerraformPlan({
      ...nodeGroupScalingPlan({
        clusterName: 'eks',
        before: sizes(3),
        after: sizes(20),
      }),
    });
    plan.resourceChanges.push(
      ...parseTerraformPlan({
        format_version: '1.2',
        resource_changes: [
          {
            address: 'aws_autoscaling_group.workers',
            mode: 'managed',
            type: 'aws_autoscaling_group',
            name: 'workers',
            change: {
              actions: ['update'],
              before: { max_size: 4 },
              after: { max_size: 8 },
            },
          },
          {
            address: 'kubernetes_horizontal_pod_autoscaler_v2.api',
            mode: 'managed',
            type: 'kubernetes_horizontal_pod_autoscaler_v2',
            name: 'api',
            change: {
              actions: ['update'],
              before: { spec: [{ max_replicas: 6 }] },
              after: { spec: [{ max_replicas: 10 }] },
            },
          },
        ],
      }).resourceChanges,
    );
    expect(scalingCeilingReasons({ plan })).toEqual([
      'raises the scaling ceiling of aws_eks_node_group.general: max_size 3 → 20 nodes',
      'raises the scaling ceiling of aws_autoscaling_group.workers: max_size 4 → 8 instances',
      'raises the scaling ceiling of kubernetes_horizontal_pod_autoscaler_v2.api: max_replicas 6 → 10 replicas',
    ]);
  });

  it('are not a lowered ceiling, a new resource or another bound', () => {
    const lowered = parseTerraformPlan(
      nodeGroupScalingPlan({
        clusterName: 'eks',
        before: sizes(6),
        after: { desired: 5, min: 2, max: 4 },
      }),
    );
    expect(scalingCeilingReasons({ plan: lowered })).toEqual([]);
  });

  it('are found in an infrastructure plan against the prior one', () => {
    const plan = readInfraPlan(apiPlan, '', { asOf: ON });
    plan.metadata.revision = 2;
    const staging = plan.spec.environments.staging;
    staging.compute.nodeGroups[0].maxSize = 12;
    staging.workloads[0].autoscaling!.maxReplicas = 9;
    const development = plan.spec.environments.development;
    development.workloads[0].autoscaling = {
      minReplicas: 1,
      maxReplicas: 4,
      targets: { cpuUtilization: 70 },
    };
    expect(
      scalingCeilingReasons({
        infraPlan: readSubmittedInfraPlan(
          { plan: plan as any, priorPlan: apiPlan },
          'staging',
          ON,
        ),
      }),
    ).toEqual([
      'raises the scaling ceiling of node group general: max 6 → 12 nodes',
      'raises the autoscaling ceiling of workload api: max 6 → 9 replicas',
    ]);
    expect(
      scalingCeilingReasons({
        infraPlan: readSubmittedInfraPlan(
          { plan: plan as any, priorPlan: apiPlan },
          'development',
          ON,
        ),
      }),
    ).toEqual(['adds autoscaling to workload api, up to 4 replicas (1 now)']);
    // A new environment is all new: priced at its ceilings, not "raised".
    expect(
      scalingCeilingReasons({
        infraPlan: readSubmittedInfraPlan({ plan: apiPlan }, 'staging', ON),
      }),
    ).toEqual([]);
  });
});
