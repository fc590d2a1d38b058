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

/**
 * An environment of `tier` delivered with `delivery`, with the preset's
 * service (`app`, with ports) and a `worker` without ports.
 */
function serviceAndWorker(
  tier: 'development' | 'staging' | 'production',
  delivery: 'rolling' | 'blue-green' | 'canary' = 'rolling',
): InfraPlan {
  const plan = presetEnvironmentPlan({
    service: 'orchestrator-api',
    owner: 'team-agents',
    environment: 'perf-test',
    tier,
    delivery,
    asOf: new Date(TEST_NOW),
  });
  const env = envOf(plan);
  const {
    ports,
    expose,
    probes: _probes,
    ...worker
  } = structuredClone(env.workloads[0]);
  // A worker is checked by a command: it has no port to probe.
  env.workloads.push({
    ...worker,
    name: 'worker',
    type: 'worker',
    probes: { liveness: { exec: { command: ['/bin/healthcheck'] } } },
  });
  return plan;
}

const errorsOf = (plan: InfraPlan) =>
  validatePlan(plan, { asOf: new Date(TEST_NOW) }).issues.filter(
    i => i.severity === 'error',
  );

const SHA = `sha256:${'0f'.repeat(32)}`;

describe('applyEnvironmentChanges: deployments', () => {
  it('deploys an image to the second workload and leaves the first, and the prior plan, as they were', () => {
    const prior = serviceAndWorker('production');
    const [app, worker] = envOf(prior).workloads;
    const next = applyEnvironmentChanges(prior, 'perf-test', {
      images: [{ workload: 'worker', image: 'ghcr.io/acme/worker:1.4.2' }],
    });
    expect(envOf(next).workloads[1]).toEqual({
      ...worker,
      image: 'ghcr.io/acme/worker:1.4.2',
    });
    expect(envOf(next).workloads[0]).toEqual(app);
    expect(envOf(prior).workloads[1].image).toBe(worker.image);
    expect(next.metadata.revision).toBe((prior.metadata.revision ?? 1) + 1);
    expect(errorsOf(next)).toEqual([]);
  });

  it("deploys several workloads in one change, a version on a workload's current repository", () => {
    const prior = serviceAndWorker('staging');
    const [app] = envOf(prior).workloads;
    const repository = app.image.slice(0, app.image.lastIndexOf(':'));
    const next = applyEnvironmentChanges(prior, 'perf-test', {
      images: [
        { workload: 'app', version: '2.0.0' },
        { workload: 'worker', version: SHA },
      ],
    });
    expect(envOf(next).workloads.map(w => w.image)).toEqual([
      `${repository}:2.0.0`,
      `${repository}@${SHA}`,
    ]);
    expect(errorsOf(next)).toEqual([]);
  });

  it('keeps the single-part values working next to a deployment', () => {
    const next = applyEnvironmentChanges(twoOfEach(), 'perf-test', {
      workload: 'worker',
      autoscalingMax: 9,
      images: [{ workload: 'worker', version: '0.2.0' }],
    });
    expect(envOf(next).workloads[1]).toMatchObject({
      image: 'ghcr.io/gatehouse/app:0.2.0',
      autoscaling: { maxReplicas: 9 },
    });
  });

  it('refuses a workload the environment does not have, saying which it has', () => {
    expect(() =>
      applyEnvironmentChanges(serviceAndWorker('staging'), 'perf-test', {
        images: [{ workload: 'api', image: 'ghcr.io/acme/api:1.0.0' }],
      }),
    ).toThrow(
      'The perf-test environment has no workload named api; it has app, worker',
    );
  });

  it('refuses a workload given twice, and an item with both or neither of image and version', () => {
    const deploy = (images: any[]) => () =>
      applyEnvironmentChanges(serviceAndWorker('staging'), 'perf-test', {
        images,
      });
    expect(
      deploy([
        { workload: 'app', version: '1.0.0' },
        { workload: 'app', version: '1.0.1' },
      ]),
    ).toThrow('Workload app is given more than one image');
    expect(
      deploy([{ workload: 'app', image: 'ghcr.io/a/b:1', version: '1' }]),
    ).toThrow(
      'Workload app: give either the whole image (image) or only its new version (version), not both',
    );
    expect(deploy([{ workload: 'app', image: ' ', version: '' }])).toThrow(
      'not neither',
    );
  });

  it('refuses what is not an image reference, a tag or a digest', () => {
    const deploy = (item: object) => () =>
      applyEnvironmentChanges(serviceAndWorker('staging'), 'perf-test', {
        images: [{ workload: 'worker', ...item }],
      });
    expect(deploy({ image: 'ghcr.io/Acme/worker:1.0' })).toThrow(
      'Workload worker: "ghcr.io/Acme/worker:1.0" is not an image reference; write name[:tag][@digest], e.g. ghcr.io/acme/api:1.4.2',
    );
    expect(deploy({ version: 'sha256:1234' })).toThrow(
      'Workload worker: "sha256:1234" is neither a tag (e.g. 1.4.2) nor a digest',
    );
  });

  it('refuses latest or a missing version in production, and allows them elsewhere', () => {
    const production = (image: string) => () =>
      applyEnvironmentChanges(serviceAndWorker('production'), 'perf-test', {
        images: [{ workload: 'worker', image }],
      });
    expect(production('ghcr.io/acme/worker:latest')).toThrow(
      'Workload worker: ghcr.io/acme/worker:latest uses the tag latest, which moves. A deployment to production must name a version',
    );
    expect(production('ghcr.io/acme/worker')).toThrow(
      'Workload worker: ghcr.io/acme/worker has no tag or digest (so it is latest). A deployment to production must name a version',
    );
    expect(() =>
      applyEnvironmentChanges(serviceAndWorker('production'), 'perf-test', {
        images: [{ workload: 'worker', version: 'latest' }],
      }),
    ).toThrow('uses the tag latest, which moves');
    expect(
      envOf(production(`ghcr.io/acme/worker:latest@${SHA}`)()).workloads[1]
        .image,
    ).toBe(`ghcr.io/acme/worker:latest@${SHA}`);
    const staging = applyEnvironmentChanges(
      serviceAndWorker('staging'),
      'perf-test',
      { images: [{ workload: 'worker', image: 'ghcr.io/acme/worker:latest' }] },
    );
    expect(envOf(staging).workloads[1].image).toBe(
      'ghcr.io/acme/worker:latest',
    );
  });
});

describe('applyEnvironmentChanges: rollout settings', () => {
  it('sets the canary steps of a canary environment with a deployment, and the plan still validates', () => {
    const prior = serviceAndWorker('production', 'canary');
    const { analysis } = envOf(prior).delivery!.canary!;
    const next = applyEnvironmentChanges(prior, 'perf-test', {
      images: [{ workload: 'worker', version: '1.5.0' }],
      canarySteps: [
        { weight: 5, pause: '10m' },
        { weight: 50, pause: '' },
      ],
    });
    expect(envOf(next).delivery!.canary).toEqual({
      steps: [{ weight: 5, pause: '10m' }, { weight: 50 }],
      analysis,
    });
    expect(errorsOf(next)).toEqual([]);
  });

  it('sets the blue-green settings it is given and keeps the others', () => {
    const prior = serviceAndWorker('staging', 'blue-green');
    const before = envOf(prior).delivery!.blueGreen!;
    const next = applyEnvironmentChanges(prior, 'perf-test', {
      images: [{ workload: 'app', version: '1.5.0' }],
      blueGreenAutoPromote: !before.autoPromote,
      blueGreenPreviewReplicas: 2,
    });
    expect(envOf(next).delivery!.blueGreen).toEqual({
      ...before,
      autoPromote: !before.autoPromote,
      previewReplicas: 2,
    });
    expect(errorsOf(next)).toEqual([]);
  });

  it('applies only the chosen strategy, whatever else a form kept', () => {
    const prior = serviceAndWorker('staging', 'blue-green');
    const stale = {
      canarySteps: [{ weight: 10 }],
      blueGreenScaleDownDelay: '30m',
    };
    const chosen = applyEnvironmentChanges(prior, 'perf-test', {
      rolloutStrategy: 'blue-green',
      ...stale,
    });
    expect(envOf(chosen).delivery!.blueGreen!.scaleDownDelay).toBe('30m');
    expect(envOf(chosen).delivery!.canary).toBeUndefined();
    const unchanged = applyEnvironmentChanges(prior, 'perf-test', {
      rolloutStrategy: 'unchanged',
      images: [{ workload: 'app', version: '1.5.0' }],
      ...stale,
    });
    expect(envOf(unchanged).delivery).toEqual(envOf(prior).delivery);
  });

  it('refuses settings of a strategy a deployed workload does not roll out with, naming the one it has', () => {
    expect(() =>
      applyEnvironmentChanges(serviceAndWorker('staging'), 'perf-test', {
        images: [{ workload: 'worker', version: '1.5.0' }],
        canarySteps: [{ weight: 50 }],
      }),
    ).toThrow(
      'Workload worker rolls out by rolling update (a Deployment): canary steps do not apply to it',
    );
    expect(() =>
      applyEnvironmentChanges(
        serviceAndWorker('staging', 'blue-green'),
        'perf-test',
        {
          images: [
            { workload: 'app', version: '1.5.0' },
            { workload: 'worker', version: '1.5.0' },
          ],
          blueGreenAutoPromote: true,
        },
      ),
    ).toThrow(
      'Workload worker rolls out as a canary without steps (an Argo Rollout: it has no ports, so no Services to switch blue-green): blue-green settings do not apply to it',
    );
    expect(() =>
      applyEnvironmentChanges(
        serviceAndWorker('staging', 'canary'),
        'perf-test',
        { blueGreenAutoPromote: true },
      ),
    ).toThrow(
      'Blue-green settings do not apply to the perf-test environment: app rolls out as a canary (an Argo Rollout); worker rolls out as a canary (an Argo Rollout)',
    );
  });

  it('refuses settings of both strategies without a choice, and a choice without settings', () => {
    const prior = serviceAndWorker('staging', 'canary');
    expect(() =>
      applyEnvironmentChanges(prior, 'perf-test', {
        canarySteps: [{ weight: 50 }],
        blueGreenAutoPromote: false,
      }),
    ).toThrow(
      'Both canary steps and blue-green settings were given: an environment rolls out with one strategy, so set rolloutStrategy to the one meant',
    );
    expect(() =>
      applyEnvironmentChanges(prior, 'perf-test', {
        rolloutStrategy: 'canary',
        images: [{ workload: 'app', version: '1.5.0' }],
      }),
    ).toThrow(
      'Canary rollout settings were chosen but no canary steps were given',
    );
  });
});
