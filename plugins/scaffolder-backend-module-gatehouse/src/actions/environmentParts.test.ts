import {
  InfraPlan,
  presetEnvironmentPlan,
  validatePlan,
} from '@gatehouse/plugin-infra-plans-common';
import { TEST_NOW } from '@gatehouse/test-utils';
import { applyEnvironmentChanges } from './environmentParts';

/**
 * A staging environment with two of each part a change can address: node
 * groups, workloads, databases, caches, buckets and queues.
 */
function twoOfEach(): InfraPlan {
  const plan = presetEnvironmentPlan({
    service: 'orchestrator-api',
    owner: 'team-agents',
    environment: 'perf-test',
    tier: 'staging',
    database: true,
    cache: true,
    objectStorage: true,
    asOf: new Date(TEST_NOW),
  });
  const env = plan.spec.environments['perf-test'];
  const second = <T extends { name: string }>(list: T[], name: string) =>
    list.push({ ...structuredClone(list[0]), name });
  second(env.compute.nodeGroups, 'batch');
  second(env.workloads, 'worker');
  second(env.data!.databases!, 'reports');
  second(env.data!.caches!, 'sessions');
  second(env.data!.objectStorage!, 'exports');
  env.data!.queues = [
    { name: 'jobs', type: 'sqs', visibilityTimeout: '30s', retention: '4d' },
    { name: 'events', type: 'sqs', visibilityTimeout: '30s', retention: '4d' },
  ];
  return plan;
}

const envOf = (plan: InfraPlan) => plan.spec.environments['perf-test'];

describe('applyEnvironmentChanges', () => {
  it('changes the second of every kind of part, by name, and leaves the first as it was', () => {
    const prior = twoOfEach();
    const { multiAz } = envOf(prior).data!.databases![1];
    const { versioning } = envOf(prior).data!.objectStorage![1];
    const next = applyEnvironmentChanges(prior, 'perf-test', {
      nodeGroup: 'batch',
      nodeGroupMin: 2,
      nodeGroupDesired: 4,
      nodeGroupMax: 8,
      instanceType: 'c6i.large',
      workload: 'worker',
      autoscalingMin: 2,
      autoscalingMax: 12,
      database: 'reports',
      databaseInstanceClass: 'db.r6g.xlarge',
      databaseMultiAz: !multiAz,
      cache: 'sessions',
      cacheNodeType: 'cache.r6g.xlarge',
      cacheReplicasPerShard: 2,
      bucket: 'exports',
      bucketVersioning: !versioning,
      queue: 'events',
      queueVisibilityTimeout: '5m',
      queueRetention: '7d',
    });
    const before = envOf(prior);
    const after = envOf(next);
    expect(after.compute.nodeGroups[1]).toMatchObject({
      name: 'batch',
      minSize: 2,
      desiredSize: 4,
      maxSize: 8,
      instanceTypes: ['c6i.large'],
    });
    expect(after.workloads[1].autoscaling).toMatchObject({
      minReplicas: 2,
      maxReplicas: 12,
    });
    expect(after.data!.databases![1]).toMatchObject({
      name: 'reports',
      instanceClass: 'db.r6g.xlarge',
      multiAz: !multiAz,
    });
    expect(after.data!.caches![1]).toMatchObject({
      name: 'sessions',
      nodeType: 'cache.r6g.xlarge',
      replicasPerShard: 2,
    });
    expect(after.data!.objectStorage![1]).toMatchObject({
      name: 'exports',
      versioning: !versioning,
    });
    expect(after.data!.queues![1]).toEqual({
      name: 'events',
      type: 'sqs',
      visibilityTimeout: '5m',
      retention: '7d',
    });
    // The first of each kind, and the prior plan, are untouched.
    expect(after.compute.nodeGroups[0]).toEqual(before.compute.nodeGroups[0]);
    expect(after.workloads[0]).toEqual(before.workloads[0]);
    expect(after.data!.databases![0]).toEqual(before.data!.databases![0]);
    expect(after.data!.caches![0]).toEqual(before.data!.caches![0]);
    expect(after.data!.objectStorage![0]).toEqual(
      before.data!.objectStorage![0],
    );
    expect(after.data!.queues![0]).toEqual(before.data!.queues![0]);
    expect(before.compute.nodeGroups[1].instanceTypes).not.toEqual([
      'c6i.large',
    ]);
    expect(next.metadata.revision).toBe((prior.metadata.revision ?? 1) + 1);
    expect(
      validatePlan(next, { asOf: new Date(TEST_NOW) }).issues.filter(
        i => i.severity === 'error',
      ),
    ).toEqual([]);
  });

  it('changes the first part of a kind when no name is given', () => {
    const next = applyEnvironmentChanges(twoOfEach(), 'perf-test', {
      nodeGroupDesired: 7,
    });
    expect(envOf(next).compute.nodeGroups.map(g => g.desiredSize)).toEqual([
      7,
      envOf(twoOfEach()).compute.nodeGroups[1].desiredSize,
    ]);
  });

  it('refuses a name the environment does not have, saying what it has', () => {
    expect(() =>
      applyEnvironmentChanges(twoOfEach(), 'perf-test', {
        queue: 'orders',
        queueRetention: '1d',
      }),
    ).toThrow(
      'The perf-test environment has no queue named orders; it has jobs, events',
    );
  });

  it('refuses values for a kind of part the environment has none of', () => {
    const plan = presetEnvironmentPlan({
      service: 'orchestrator-api',
      owner: 'team-agents',
      environment: 'dev',
      tier: 'development',
      asOf: new Date(TEST_NOW),
    });
    expect(() =>
      applyEnvironmentChanges(plan, 'dev', {
        cacheNodeType: 'cache.t4g.small',
      }),
    ).toThrow('The dev environment has no cache to change');
  });

  it('refuses autoscaling bounds for a workload that does not autoscale', () => {
    const plan = twoOfEach();
    delete envOf(plan).workloads[1].autoscaling;
    expect(() =>
      applyEnvironmentChanges(plan, 'perf-test', {
        workload: 'worker',
        autoscalingMax: 9,
      }),
    ).toThrow('Workload worker does not autoscale: set its replicas instead');
  });
});
