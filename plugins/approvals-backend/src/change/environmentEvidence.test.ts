import { parseTerraformPlan } from '@gatehouse/plugin-cost-node';
import {
  eksClusterPlan,
  nodeGroupScalingPlan,
} from '../__testUtils__/terraformPlans';
import type { ResolvedEnvironment } from '../environment/resolveEnvironment';
import {
  describeConflicts,
  findEnvironmentConflicts,
} from './environmentEvidence';

const cluster = (value: string, entityRef: string) => ({
  kind: 'cluster' as const,
  value,
  entityRef,
});

/** development of a service whose environments run on shared clusters; preview shares development's. */
const development: ResolvedEnvironment = {
  name: 'development',
  tier: 'development',
  sources: [],
  reasons: [],
  environments: [
    { name: 'development', tier: 'development' },
    { name: 'preview', tier: 'development' },
    { name: 'production', tier: 'production' },
  ],
  identifiers: new Map([
    ['development', [cluster('eks-dev', 'resource:default/eks-dev')]],
    ['preview', [cluster('eks-dev', 'resource:default/eks-dev')]],
    [
      'production',
      [
        cluster('eks-prod', 'resource:default/eks-prod'),
        {
          kind: 'account',
          value: '444455556666',
          entityRef: 'resource:default/eks-prod',
        },
        {
          kind: 'vpc',
          value: 'vpc-0f1e2d3c4b5a60003',
          entityRef: 'resource:default/eks-prod',
        },
      ],
    ],
  ]),
};

const conflictsOf = (plan: object, environment = development) =>
  findEnvironmentConflicts(parseTerraformPlan(plan), environment);

describe('evidence that a Terraform plan belongs to another environment', () => {
  it('accepts tags that name the environment or its tier, in any spelling of either', () => {
    for (const value of ['development', 'Development', 'dev', 'DEV']) {
      expect(
        conflictsOf(
          eksClusterPlan({ clusterName: 'eks-dev', tags: { env: value } }),
        ),
      ).toEqual([]);
    }
    expect(
      conflictsOf(
        eksClusterPlan({
          clusterName: 'eks-dev',
          tags: { Environment: 'development', Tier: 'development' },
        }),
      ),
    ).toEqual([]);
  });

  it('names each resource whose tags name another environment or tier, or none of the entity', () => {
    const tagged = (tags: Record<string, string>) =>
      conflictsOf(eksClusterPlan({ clusterName: 'eks-dev', tags }))[0]
        ?.evidence;
    expect(tagged({ Environment: 'production' })).toEqual([
      'tag Environment = production names environment production, production tier',
    ]);
    expect(tagged({ environment: 'prod' })).toEqual([
      'tag environment = prod names the production tier',
    ]);
    expect(tagged({ env: 'preview' })).toEqual([
      'tag env = preview names environment preview, development tier',
    ]);
    expect(tagged({ ENV: 'qa' })).toEqual([
      'tag ENV = qa names no environment of the entity',
    ]);
    expect(tagged({ Tier: 'production' })).toEqual([
      'tag Tier = production is not the development tier',
    ]);
    // Other tags are none of its business.
    expect(tagged({ Stage: 'blue', Owner: 'production' })).toBeUndefined();
  });

  it('finds another environment’s cluster, account (also inside ARNs) and VPC', () => {
    const conflicts = conflictsOf(
      eksClusterPlan({ clusterName: 'eks-prod', accountId: '444455556666' }),
    );
    expect(conflicts).toEqual([
      {
        address: 'aws_eks_cluster.main',
        evidence: [
          'cluster eks-prod belongs to production',
          'AWS account 444455556666 belongs to production',
        ],
      },
      {
        address: 'aws_eks_node_group.general',
        evidence: ['cluster eks-prod belongs to production'],
      },
    ]);
    expect(describeConflicts(conflicts)).toBe(
      'aws_eks_cluster.main (cluster eks-prod belongs to production; AWS account 444455556666 belongs to production), aws_eks_node_group.general (cluster eks-prod belongs to production)',
    );
    const vpc = conflictsOf({
      format_version: '1.2',
      resource_changes: [
        {
          address: 'aws_subnet.a',
          mode: 'managed',
          type: 'aws_subnet',
          name: 'a',
          change: {
            actions: ['create'],
            before: null,
            after: {
              vpc_id: 'vpc-0f1e2d3c4b5a60003',
              cidr_block: '10.0.1.0/24',
            },
          },
        },
      ],
    });
    expect(vpc).toEqual([
      {
        address: 'aws_subnet.a',
        evidence: ['VPC vpc-0f1e2d3c4b5a60003 belongs to production'],
      },
    ]);
  });

  it('is not fooled by a cluster the environment shares with another', () => {
    expect(
      conflictsOf(
        nodeGroupScalingPlan({
          clusterName: 'eks-dev',
          before: { desired: 1, min: 1, max: 2 },
          after: { desired: 2, min: 1, max: 2 },
        }),
      ),
    ).toEqual([]);
  });

  it('reads the root module’s environment variable too', () => {
    expect(
      conflictsOf({
        format_version: '1.2',
        variables: { environment: { value: 'production' } },
        resource_changes: [],
      }),
    ).toEqual([
      {
        address: 'var.environment',
        evidence: [
          'environment = production names environment production, production tier',
        ],
      },
    ]);
  });
});
