import { fullPlan } from './__fixtures__/plans';
import { diffPlans } from './diff';
import type { InfraPlan } from './schema';

function change(mutate: (plan: InfraPlan) => void) {
  const before = fullPlan();
  const after = fullPlan();
  mutate(after);
  return diffPlans(before, after);
}

const prod = (plan: InfraPlan) => plan.spec.environments.production;

describe('diffPlans', () => {
  it('finds nothing between identical plans', () => {
    expect(diffPlans(fullPlan(), fullPlan())).toEqual([]);
  });

  it('summarises node group, workload and database changes the way reviewers read them', () => {
    const changes = change(plan => {
      prod(plan).compute.nodeGroups[0].maxSize = 30;
      prod(plan).workloads[0].replicas = 5;
      prod(plan).data!.databases![0].instanceClass = 'db.r6g.xlarge';
    });
    expect(changes.map(c => c.summary)).toEqual([
      'node group general: max 20 → 30',
      'workload api: replicas 3 → 5',
      'database main: instance class db.r6g.large → db.r6g.xlarge',
    ]);
    expect(changes[0]).toEqual({
      path: 'spec.environments.production.compute.nodeGroups[name=general].maxSize',
      kind: 'changed',
      environment: 'production',
      before: 20,
      after: 30,
      summary: 'node group general: max 20 → 30',
    });
  });

  it('matches list items by name, not position', () => {
    const changes = change(plan => {
      const env = prod(plan);
      env.compute.nodeGroups.unshift({
        name: 'batch',
        instanceTypes: ['c6i.large'],
        minSize: 0,
        desiredSize: 0,
        maxSize: 10,
      });
      env.network.securityGroups!.reverse();
      env.observability!.alerts!.reverse();
    });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      kind: 'added',
      path: 'spec.environments.production.compute.nodeGroups[name=batch]',
      summary: 'node group batch added',
    });
  });

  it('matches subnets by availability zone', () => {
    const changes = change(plan => {
      const subnets = prod(plan).network.subnets.private;
      subnets.reverse();
      subnets[0].cidr = '10.30.64.0/20';
    });
    expect(changes.map(c => c.summary)).toEqual([
      'private subnet us-east-1c: CIDR 10.30.48.0/20 → 10.30.64.0/20',
    ]);
    expect(changes[0].path).toBe(
      'spec.environments.production.network.subnets.private[az=us-east-1c].cidr',
    );
  });

  it('matches security group rules by name, or by protocol, ports and peer', () => {
    const changes = change(plan => {
      const groups = prod(plan).network.securityGroups!;
      groups[0].ingress.push({ protocol: 'tcp', ports: 22, cidr: '0.0.0.0/0' });
      groups[0].ingress.shift();
      groups[1].ingress[0].ports = 8080;
    });
    expect(changes.map(c => c.summary)).toEqual([
      'security group alb: ingress rule https removed',
      'security group alb: ingress rule tcp 22 from 0.0.0.0/0 added',
      'security group app: ingress rule from-alb: ports 3000 → 8080',
    ]);
  });

  it('reports added and removed items and fields', () => {
    const changes = change(plan => {
      const env = prod(plan);
      env.workloads[0].autoscaling!.maxReplicas = 60;
      env.workloads[0].resources.limits!.memory = '2Gi';
      delete env.data!.caches;
      env.data!.queues = [{ name: 'jobs', type: 'sqs' }];
      env.disasterRecovery!.rpo = '15m';
      env.data!.databases![0].multiAz = false;
      delete env.slos!.latencyP99;
    });
    expect(changes.map(c => c.summary)).toEqual([
      'workload api: memory limit 1Gi → 2Gi',
      'workload api: HPA max replicas 30 → 60',
      'database main: multi-AZ on → off',
      'cache cache removed',
      'queue jobs added',
      'SLOs: p99 latency removed (was 1s)',
      'disaster recovery: RPO 1h → 15m',
    ]);
    expect(changes.find(c => c.summary === 'cache cache removed')!.kind).toBe(
      'removed',
    );
  });

  it('reports whole environments and metadata', () => {
    const changes = change(plan => {
      delete (plan.spec.environments as Record<string, unknown>).development;
      plan.spec.environments.qa = fullPlan().spec.environments.staging;
      plan.metadata.owner = 'team-platform';
    });
    expect(changes.map(c => [c.kind, c.summary])).toEqual([
      ['changed', 'owner team-agents → team-platform'],
      ['removed', 'environment development removed'],
      ['added', 'environment qa added'],
    ]);
    expect(changes[2].environment).toBe('qa');
  });

  it('treats ordered lists such as canary steps as one value', () => {
    const changes = change(plan => {
      prod(plan).delivery!.canary!.steps = [
        { weight: 20, pause: '5m' },
        { weight: 60, pause: '10m' },
      ];
    });
    expect(changes.map(c => c.summary)).toEqual([
      'delivery: canary steps 10%→25%→50% → 20%→60%',
    ]);
  });
});
