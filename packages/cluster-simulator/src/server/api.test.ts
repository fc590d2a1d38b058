import { ClusterSimulator, startClusterSimulator } from '../simulator';
import { validateKubernetesObject } from '../schema';
import { SCENARIO_ANNOTATION } from '../model/generate';
import {
  get,
  httpRequest,
  openStream,
  openWatch,
  post,
} from '../__testUtils__/http';
import { fakeServerTimers, settleIo } from '../__testUtils__/timers';

const NOW = Date.parse('2025-06-02T12:00:00Z');

describe('Kubernetes API', () => {
  let sim: ClusterSimulator;
  let dev: string;
  let staging: string;
  let prod: string;

  beforeAll(async () => {
    sim = await startClusterSimulator({ portBase: 0, now: NOW });
    [dev, staging, prod] = sim.clusters.map(c => c.url);
  });

  afterAll(async () => {
    await sim.stop();
  });

  function expectValid(obj: unknown) {
    expect(validateKubernetesObject(obj)).toEqual([]);
  }

  describe('discovery', () => {
    it('serves /version, /api, /apis and resource lists', async () => {
      const version = (await get(`${prod}/version`)).json();
      expect(version).toMatchObject({
        major: '1',
        gitVersion: expect.stringMatching(/^v1\.30/),
      });

      const api = (await get(`${prod}/api`)).json();
      expect(api.versions).toEqual(['v1']);
      expectValid(api);

      const apis = (await get(`${prod}/apis`)).json();
      expectValid(apis);
      expect(apis.groups.map((g: any) => g.name)).toEqual(
        expect.arrayContaining([
          'apps',
          'autoscaling',
          'batch',
          'networking.k8s.io',
          'policy',
          'metrics.k8s.io',
          'argoproj.io',
        ]),
      );

      const core = (await get(`${prod}/api/v1`)).json();
      expectValid(core);
      expect(core.resources.map((r: any) => r.name)).toEqual(
        expect.arrayContaining([
          'pods',
          'pods/log',
          'services',
          'configmaps',
          'limitranges',
          'resourcequotas',
          'events',
          'nodes',
          'namespaces',
        ]),
      );
      const apps = (await get(`${prod}/apis/apps/v1`)).json();
      expectValid(apps);
      expect(apps.groupVersion).toBe('apps/v1');
      const group = (await get(`${prod}/apis/argoproj.io`)).json();
      expectValid(group);
      expect(group.preferredVersion.groupVersion).toBe('argoproj.io/v1alpha1');
    });
  });

  describe('LIST', () => {
    it('lists pods cluster-wide as a PodList with a resourceVersion and no per-item kind', async () => {
      const res = await get(`${prod}/api/v1/pods`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      const list = res.json();
      expect(list.kind).toBe('PodList');
      expect(list.apiVersion).toBe('v1');
      expect(list.metadata.resourceVersion).toMatch(/^\d+$/);
      expect(list.items).toHaveLength(
        sim.state('eks-production-use1').objects('Pod').length,
      );
      expect(list.items[0].kind).toBeUndefined();
      expectValid(list);
      const keys = list.items.map(
        (p: any) => `${p.metadata.namespace}/${p.metadata.name}`,
      );
      expect(keys).toEqual([...keys].sort());
    });

    it.each([
      ['/api/v1/pods', 'PodList'],
      ['/api/v1/services', 'ServiceList'],
      ['/api/v1/configmaps', 'ConfigMapList'],
      ['/api/v1/limitranges', 'LimitRangeList'],
      ['/api/v1/resourcequotas', 'ResourceQuotaList'],
      ['/api/v1/events', 'EventList'],
      ['/api/v1/nodes', 'NodeList'],
      ['/api/v1/namespaces', 'NamespaceList'],
      ['/api/v1/persistentvolumeclaims', 'PersistentVolumeClaimList'],
      ['/api/v1/persistentvolumes', 'PersistentVolumeList'],
      ['/api/v1/secrets', 'SecretList'],
      ['/apis/apps/v1/deployments', 'DeploymentList'],
      ['/apis/apps/v1/replicasets', 'ReplicaSetList'],
      ['/apis/apps/v1/statefulsets', 'StatefulSetList'],
      ['/apis/apps/v1/daemonsets', 'DaemonSetList'],
      [
        '/apis/autoscaling/v2/horizontalpodautoscalers',
        'HorizontalPodAutoscalerList',
      ],
      ['/apis/batch/v1/jobs', 'JobList'],
      ['/apis/batch/v1/cronjobs', 'CronJobList'],
      ['/apis/networking.k8s.io/v1/ingresses', 'IngressList'],
      ['/apis/policy/v1/poddisruptionbudgets', 'PodDisruptionBudgetList'],
      ['/apis/metrics.k8s.io/v1beta1/pods', 'PodMetricsList'],
      ['/apis/metrics.k8s.io/v1beta1/nodes', 'NodeMetricsList'],
      ['/apis/argoproj.io/v1alpha1/rollouts', 'RolloutList'],
    ])('%s is a valid %s', async (path, kind) => {
      const list = (await get(`${prod}${path}`)).json();
      expect(list.kind).toBe(kind);
      expectValid(list);
    });

    it('keeps apiVersion/kind on custom resource list items', async () => {
      const list = (
        await get(
          `${prod}/apis/argoproj.io/v1alpha1/namespaces/orchestrator-api/rollouts`,
        )
      ).json();
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
      });
    });

    it('filters with equality and set-based label selectors', async () => {
      const names = async (url: string) =>
        (await get(url)).json().items.map((p: any) => p.metadata.name);
      const id = encodeURIComponent(
        'backstage.io/kubernetes-id=orchestrator-api',
      );
      expect(
        await names(`${prod}/api/v1/pods?labelSelector=${id}`),
      ).toHaveLength(8);
      expect(
        await names(
          `${prod}/api/v1/namespaces/orchestrator-api/pods?labelSelector=${id}`,
        ),
      ).toHaveLength(8);
      expect(
        await names(
          `${prod}/api/v1/namespaces/task-runner/pods?labelSelector=${id}`,
        ),
      ).toHaveLength(0);
      const canary = encodeURIComponent(
        'app.kubernetes.io/instance in (orchestrator-api-canary)',
      );
      expect(
        await names(`${prod}/api/v1/pods?labelSelector=${canary}`),
      ).toHaveLength(2);
      const notStable = encodeURIComponent(
        'app.kubernetes.io/name=orchestrator-api,app.kubernetes.io/instance!=orchestrator-api',
      );
      expect(
        await names(`${prod}/api/v1/pods?labelSelector=${notStable}`),
      ).toHaveLength(2);
      const noHash = encodeURIComponent(
        '!pod-template-hash,app.kubernetes.io/name',
      );
      const rest = await names(`${prod}/api/v1/pods?labelSelector=${noHash}`);
      expect(
        rest.every(
          (n: string) =>
            n.startsWith('orchestrator-api-canary') ||
            n.startsWith('knowledge-store') ||
            n.startsWith('task-runner-cleanup'),
        ),
      ).toBe(true);
      const hasHash = encodeURIComponent('pod-template-hash');
      expect(
        (await names(`${prod}/api/v1/pods?labelSelector=${hasHash}`)).length,
      ).toBe(6 + 3 + 4);
      const notin = encodeURIComponent(
        'app.kubernetes.io/name notin (orchestrator-api,task-runner)',
      );
      expect(
        await names(`${prod}/api/v1/pods?labelSelector=${notin}`),
      ).toHaveLength(6);
    });

    it('filters with field selectors', async () => {
      const items = async (url: string) => (await get(url)).json().items;
      const running = await items(
        `${dev}/api/v1/pods?fieldSelector=status.phase%3DRunning`,
      );
      expect(running).toHaveLength(3);
      const pending = await items(
        `${dev}/api/v1/pods?fieldSelector=status.phase%3DPending`,
      );
      expect(pending.map((p: any) => p.metadata.name)).toEqual([
        'knowledge-store-0',
      ]);
      const notRunning = await items(
        `${dev}/api/v1/pods?fieldSelector=status.phase!%3DRunning`,
      );
      expect(notRunning).toHaveLength(2);
      const byName = await items(
        `${dev}/api/v1/pods?fieldSelector=metadata.name%3Dknowledge-store-0,metadata.namespace%3Dknowledge-store`,
      );
      expect(byName).toHaveLength(1);
      const ns = await items(
        `${prod}/apis/apps/v1/deployments?fieldSelector=metadata.namespace%3Dtask-runner`,
      );
      expect(ns.map((d: any) => d.metadata.name)).toEqual(['task-runner']);
      const both = await items(
        `${prod}/api/v1/pods?fieldSelector=status.phase%3DRunning&labelSelector=app.kubernetes.io/name%3Dtask-runner`,
      );
      expect(both).toHaveLength(4);
      const pod = both[0];
      const events = await items(
        `${staging}/api/v1/namespaces/operator-console/events?fieldSelector=involvedObject.kind%3DPod,reason%3DUnhealthy`,
      );
      expect(events).toHaveLength(1);
      expect(pod).toBeDefined();
    });

    it('answers bad selectors with a 400 Status', async () => {
      const res = await get(
        `${prod}/api/v1/pods?labelSelector=${encodeURIComponent('app in web')}`,
      );
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({
        kind: 'Status',
        reason: 'BadRequest',
        code: 400,
      });
      const field = await get(
        `${prod}/apis/apps/v1/deployments?fieldSelector=status.phase%3DRunning`,
      );
      expect(field.status).toBe(400);
      expect(field.json().message).toBe(
        'field label not supported: status.phase',
      );
    });

    it('paginates with limit and continue on a consistent resourceVersion', async () => {
      const all = (await get(`${prod}/api/v1/pods`)).json();
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const url = `${prod}/api/v1/pods?limit=4${
          token ? `&continue=${encodeURIComponent(token)}` : ''
        }`;
        const page = (await get(url)).json();
        expectValid(page);
        expect(page.items.length).toBeLessThanOrEqual(4);
        expect(page.metadata.resourceVersion).toBe(
          all.metadata.resourceVersion,
        );
        const remaining = all.items.length - seen.length - page.items.length;
        expect(page.metadata.remainingItemCount).toBe(
          page.metadata.continue ? remaining : undefined,
        );
        seen.push(
          ...page.items.map(
            (p: any) => `${p.metadata.namespace}/${p.metadata.name}`,
          ),
        );
        token = page.metadata.continue;
        pages++;
      } while (token);
      expect(pages).toBe(Math.ceil(all.items.length / 4));
      expect(seen).toEqual(
        all.items.map((p: any) => `${p.metadata.namespace}/${p.metadata.name}`),
      );
    });

    it('paginates filtered lists without remainingItemCount', async () => {
      const selector = encodeURIComponent(
        'backstage.io/kubernetes-id=orchestrator-api',
      );
      const first = (
        await get(`${prod}/api/v1/pods?labelSelector=${selector}&limit=5`)
      ).json();
      expect(first.items).toHaveLength(5);
      expect(first.metadata.continue).toBeDefined();
      expect(first.metadata.remainingItemCount).toBeUndefined();
      const second = (
        await get(
          `${prod}/api/v1/pods?labelSelector=${selector}&limit=5&continue=${encodeURIComponent(
            first.metadata.continue,
          )}`,
        )
      ).json();
      expect(second.items).toHaveLength(3);
      expect(second.metadata.continue).toBeUndefined();
      const bad = await get(`${prod}/api/v1/pods?limit=5&continue=garbage`);
      expect(bad.status).toBe(400);
    });
  });

  describe('GET', () => {
    it('returns a single object with apiVersion and kind', async () => {
      const name = sim
        .state('eks-production-use1')
        .objects('Pod', 'task-runner')[0].metadata.name;
      const pod = (
        await get(`${prod}/api/v1/namespaces/task-runner/pods/${name}`)
      ).json();
      expect(pod).toMatchObject({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name },
      });
      expectValid(pod);
      const node = sim.state('eks-production-use1').objects('Node')[0]
        .metadata.name;
      expect((await get(`${prod}/api/v1/nodes/${node}`)).json().kind).toBe(
        'Node',
      );
      expect(
        (await get(`${prod}/api/v1/namespaces/task-runner`)).json().kind,
      ).toBe('Namespace');
      const deployment = (
        await get(
          `${prod}/apis/apps/v1/namespaces/task-runner/deployments/task-runner`,
        )
      ).json();
      expectValid(deployment);
      const scale = (
        await get(
          `${prod}/apis/apps/v1/namespaces/task-runner/deployments/task-runner/scale`,
        )
      ).json();
      expectValid(scale);
      expect(scale.spec.replicas).toBe(4);
      const status = (
        await get(`${prod}/api/v1/namespaces/task-runner/pods/${name}/status`)
      ).json();
      expect(status.metadata.name).toBe(name);
    });

    it('answers a missing object with a 404 Status', async () => {
      const res = await get(
        `${prod}/api/v1/namespaces/task-runner/pods/does-not-exist`,
      );
      expect(res.status).toBe(404);
      const status = res.json();
      expect(status).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'pods "does-not-exist" not found',
        reason: 'NotFound',
        details: { name: 'does-not-exist', kind: 'pods' },
        code: 404,
      });
      expectValid(status);
      const apps = (
        await get(`${prod}/apis/apps/v1/namespaces/x/deployments/y`)
      ).json();
      expect(apps.message).toBe('deployments.apps "y" not found');
      expect(apps.details).toEqual({
        name: 'y',
        group: 'apps',
        kind: 'deployments',
      });
    });

    it.each([
      '/api/v1/unicorns',
      '/apis/apps/v1/namespaces/x/nodes',
      '/apis/nope.example.com/v1/things',
      '/apis/nope.example.com',
      '/api/v2/pods',
      '/nothing',
    ])('answers the unknown path %s with a 404 Status', async path => {
      const res = await get(`${prod}${path}`);
      expect(res.status).toBe(404);
      expect(res.json()).toMatchObject({
        kind: 'Status',
        reason: 'NotFound',
        message: 'the server could not find the requested resource',
      });
    });

    it('refuses writes with 405', async () => {
      const res = await httpRequest(
        `${prod}/api/v1/namespaces/task-runner/pods`,
        {
          method: 'POST',
          body: {},
        },
      );
      expect(res.status).toBe(405);
      expect(res.json().reason).toBe('MethodNotAllowed');
    });
  });

  describe('watch', () => {
    it('delivers ADDED for existing objects, then MODIFIED after scale()', async () => {
      const w = await openWatch(
        `${staging}/apis/apps/v1/namespaces/orchestrator-api/deployments?watch=true`,
      );
      expect(w.status).toBe(200);
      await w.waitFor(ev => ev.length >= 1);
      expect(w.events[0]).toMatchObject({
        type: 'ADDED',
        object: { kind: 'Deployment', metadata: { name: 'orchestrator-api' } },
      });
      sim.scale('eks-staging-use1', 'orchestrator-api', 'orchestrator-api', 3);
      await w.waitFor(ev =>
        ev.some(
          e => e.type === 'MODIFIED' && e.object.status?.readyReplicas === 3,
        ),
      );
      const modified = w.events.filter(e => e.type === 'MODIFIED');
      expect(modified[0].object.spec.replicas).toBe(3);
      expect(
        Number(modified[0].object.metadata.resourceVersion),
      ).toBeGreaterThan(Number(w.events[0].object.metadata.resourceVersion));
      for (const e of w.events) {
        expectValid(e.object);
      }
      w.close();
      sim.scale('eks-staging-use1', 'orchestrator-api', 'orchestrator-api', 2);
    });

    it('filters watch events by label selector and supports watch=1', async () => {
      const selector = encodeURIComponent(
        'app.kubernetes.io/instance=orchestrator-api',
      );
      const w = await openWatch(
        `${dev}/api/v1/pods?watch=1&labelSelector=${selector}`,
      );
      await w.waitFor(ev => ev.length >= 1);
      expect(w.events.map(e => e.type)).toEqual(['ADDED']);
      sim.scale(
        'eks-development-use1',
        'orchestrator-api',
        'orchestrator-api',
        3,
      );
      await w.waitFor(ev => ev.filter(e => e.type === 'ADDED').length === 3);
      sim.scale(
        'eks-development-use1',
        'operator-console',
        'operator-console',
        2,
      );
      sim.scale(
        'eks-development-use1',
        'orchestrator-api',
        'orchestrator-api',
        1,
      );
      await w.waitFor(ev => ev.filter(e => e.type === 'DELETED').length === 2);
      expect(
        w.events.every(
          e =>
            e.object.metadata.labels['app.kubernetes.io/instance'] ===
            'orchestrator-api',
        ),
      ).toBe(true);
      w.close();
      sim.scale(
        'eks-development-use1',
        'operator-console',
        'operator-console',
        1,
      );
    });

    it('resumes from a resourceVersion and reports 410 Expired when it is too old', async () => {
      const list = (
        await get(`${dev}/apis/apps/v1/namespaces/task-runner/deployments`)
      ).json();
      const rv = list.metadata.resourceVersion;
      sim.scale('eks-development-use1', 'task-runner', 'task-runner', 2);
      const w = await openWatch(
        `${dev}/apis/apps/v1/namespaces/task-runner/deployments?watch=true&resourceVersion=${rv}`,
      );
      await w.waitFor(ev => ev.length >= 1);
      expect(w.events.every(e => e.type === 'MODIFIED')).toBe(true);
      expect(w.events[0].object.spec.replicas).toBe(2);
      w.close();

      const old = await openWatch(
        `${dev}/api/v1/pods?watch=true&resourceVersion=1`,
      );
      await old.waitFor(ev => ev.length >= 1);
      expect(old.events[0]).toMatchObject({
        type: 'ERROR',
        object: { kind: 'Status', code: 410, reason: 'Expired' },
      });
      await old.ended;
      sim.scale('eks-development-use1', 'task-runner', 'task-runner', 1);
    });

    it('ends the stream after the server-side timeoutSeconds', async () => {
      // The watch timeouts run on fake timers: the streams end when (fake)
      // time reaches timeoutSeconds, whatever the machine's speed.
      fakeServerTimers();
      try {
        const path = `${prod}/api/v1/namespaces/knowledge-store/pods?watch=true`;
        const short = await openWatch(`${path}&timeoutSeconds=1`);
        const long = await openWatch(`${path}&timeoutSeconds=2`);
        const ended = { short: false, long: false };
        short.ended.then(() => (ended.short = true));
        long.ended.then(() => (ended.long = true));
        await short.waitFor(ev => ev.length >= 3);
        await long.waitFor(ev => ev.length >= 3);

        jest.advanceTimersByTime(999);
        await settleIo();
        expect(ended).toEqual({ short: false, long: false });

        jest.advanceTimersByTime(1);
        await short.ended;
        await settleIo();
        expect(ended).toEqual({ short: true, long: false });

        jest.advanceTimersByTime(1000);
        await long.ended;
        for (const w of [short, long]) {
          expect(w.events.map(e => e.type)).toEqual([
            'ADDED',
            'ADDED',
            'ADDED',
          ]);
        }
      } finally {
        jest.useRealTimers();
      }
    });

    it('supports the legacy /watch/ path and watching a single object', async () => {
      const legacy = await openWatch(
        `${prod}/api/v1/watch/namespaces/knowledge-store/pods?timeoutSeconds=1`,
      );
      await legacy.ended;
      expect(legacy.events.map(e => e.type)).toEqual([
        'ADDED',
        'ADDED',
        'ADDED',
      ]);
      const single = await openWatch(
        `${prod}/api/v1/namespaces/knowledge-store/pods/knowledge-store-1?watch=true&timeoutSeconds=1`,
      );
      await single.ended;
      expect(single.events.map(e => e.object.metadata.name)).toEqual([
        'knowledge-store-1',
      ]);
    });

    it('sends the initial-events-end bookmark for sendInitialEvents', async () => {
      const w = await openWatch(
        `${prod}/api/v1/namespaces/knowledge-store/pods?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan`,
      );
      await w.waitFor(ev => ev.some(e => e.type === 'BOOKMARK'));
      expect(w.events.map(e => e.type)).toEqual([
        'ADDED',
        'ADDED',
        'ADDED',
        'BOOKMARK',
      ]);
      expect(
        w.events[3].object.metadata.annotations['k8s.io/initial-events-end'],
      ).toBe('true');
      w.close();
    });
  });

  describe('pod logs', () => {
    const prodState = () => sim.state('eks-production-use1');
    const apiPod = () =>
      prodState()
        .objects('Pod', 'orchestrator-api')
        .find(
          p =>
            p.metadata.labels?.['app.kubernetes.io/instance'] ===
            'orchestrator-api',
        )!.metadata.name;

    it('returns plain text honouring tailLines and container', async () => {
      const res = await get(
        `${prod}/api/v1/namespaces/orchestrator-api/pods/${apiPod()}/log?container=orchestrator-api&tailLines=5`,
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain');
      const lines = res.body.trimEnd().split('\n');
      expect(lines).toHaveLength(5);
      for (const line of lines) {
        expect(JSON.parse(line)).toMatchObject({ service: 'orchestrator-api' });
      }
      const sidecar = await get(
        `${prod}/api/v1/namespaces/orchestrator-api/pods/${apiPod()}/log?container=log-shipper&tailLines=2&timestamps=true`,
      );
      const sideLines = sidecar.body.trimEnd().split('\n');
      expect(sideLines).toHaveLength(2);
      expect(sideLines[0]).toMatch(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z \[.*\] \[ info\]/,
      );
      const all = await get(
        `${prod}/api/v1/namespaces/orchestrator-api/pods/${apiPod()}/log?container=orchestrator-api`,
      );
      expect(all.body.trimEnd().split('\n').length).toBeGreaterThan(100);
    });

    it('keeps a follow=true log stream open', async () => {
      const w = await openStream(
        `${prod}/api/v1/namespaces/orchestrator-api/pods/${apiPod()}/log?container=log-shipper&follow=true&tailLines=1`,
      );
      expect(w.status).toBe(200);
      expect(w.headers['transfer-encoding']).toBe('chunked');
      const closed = await Promise.race([
        w.ended.then(() => true),
        new Promise(r => setTimeout(() => r(false), 300)),
      ]);
      expect(closed).toBe(false);
      expect(w.text().trimEnd().split('\n')).toHaveLength(1);
      w.close();
    });

    it('requires a container name for multi-container pods', async () => {
      const res = await get(
        `${prod}/api/v1/namespaces/orchestrator-api/pods/${apiPod()}/log`,
      );
      expect(res.status).toBe(400);
      expect(res.json().message).toMatch(
        /^a container name must be specified for pod .*, choose one of: \[orchestrator-api log-shipper\]$/,
      );
      const wrong = await get(
        `${prod}/api/v1/namespaces/orchestrator-api/pods/${apiPod()}/log?container=nope`,
      );
      expect(wrong.status).toBe(400);
    });

    it('serves the crash of the CrashLoopBackOff pod, also as previous', async () => {
      const pod = prodState()
        .objects('Pod', 'task-runner')
        .find(
          p =>
            p.metadata.annotations?.[SCENARIO_ANNOTATION] ===
            'crash-loop-backoff',
        )!;
      const previous = await get(
        `${prod}/api/v1/namespaces/task-runner/pods/${pod.metadata.name}/log?previous=true&tailLines=1`,
      );
      expect(previous.status).toBe(200);
      expect(JSON.parse(previous.body)).toMatchObject({
        level: 'fatal',
        exitCode: 1,
      });
      const healthy = prodState()
        .objects('Pod', 'task-runner')
        .find(
          p =>
            p.metadata.labels?.['app.kubernetes.io/instance'] ===
              'task-runner' && !p.metadata.annotations?.[SCENARIO_ANNOTATION],
        )!;
      const none = await get(
        `${prod}/api/v1/namespaces/task-runner/pods/${healthy.metadata.name}/log?previous=true`,
      );
      expect(none.status).toBe(400);
      expect(none.json().message).toMatch(/previous terminated container/);
    });

    it('refuses logs of an unscheduled pod and of a missing one', async () => {
      const pending = await get(
        `${dev}/api/v1/namespaces/knowledge-store/pods/knowledge-store-0/log`,
      );
      expect(pending.status).toBe(400);
      expect(pending.json().message).toBe(
        'pod knowledge-store-0 does not have a host assigned',
      );
      const missing = await get(
        `${dev}/api/v1/namespaces/knowledge-store/pods/nope/log`,
      );
      expect(missing.status).toBe(404);
    });
  });

  describe('metrics.k8s.io', () => {
    it('serves pod metrics by namespace and label selector in 250m/123Mi form', async () => {
      const selector = encodeURIComponent(
        'backstage.io/kubernetes-id=task-runner',
      );
      const list = (
        await get(
          `${prod}/apis/metrics.k8s.io/v1beta1/namespaces/task-runner/pods?labelSelector=${selector}`,
        )
      ).json();
      expect(list.kind).toBe('PodMetricsList');
      expectValid(list);
      // 4 workers, one of which crash-loops (no running container, no metrics); the Job pod has finished.
      expect(list.items).toHaveLength(3);
      for (const item of list.items) {
        expect(item.containers[0].usage.cpu).toMatch(/^\d+m$/);
        expect(item.containers[0].usage.memory).toMatch(/^\d+Mi$/);
        expect(item.window).toBeDefined();
      }
      const one = (
        await get(
          `${prod}/apis/metrics.k8s.io/v1beta1/namespaces/task-runner/pods/${list.items[0].metadata.name}`,
        )
      ).json();
      expect(one.kind).toBe('PodMetrics');
      expectValid(one);
      const nodes = (
        await get(`${prod}/apis/metrics.k8s.io/v1beta1/nodes`)
      ).json();
      expect(nodes.items).toHaveLength(6);
      const watch = await get(
        `${prod}/apis/metrics.k8s.io/v1beta1/pods?watch=true`,
      );
      expect(watch.status).toBe(405);
    });

    it('runs production orchestrator-api hot, in line with its HPA', async () => {
      const list = (
        await get(
          `${prod}/apis/metrics.k8s.io/v1beta1/namespaces/orchestrator-api/pods`,
        )
      ).json();
      for (const item of list.items) {
        const app = item.containers.find(
          (c: any) => c.name === 'orchestrator-api',
        );
        const milli = Number(app.usage.cpu.replace('m', ''));
        expect(milli / 250).toBeGreaterThan(0.85);
      }
    });
  });

  describe('admin endpoint', () => {
    it('scales through POST /__simulator/scale', async () => {
      const res = await post(`${dev}/__simulator/scale`, {
        namespace: 'operator-console',
        name: 'operator-console',
        replicas: 2,
      });
      expect(res.status).toBe(200);
      const list = (
        await get(`${dev}/api/v1/namespaces/operator-console/pods`)
      ).json();
      expect(list.items).toHaveLength(2);
      const bad = await post(`${dev}/__simulator/scale`, {
        namespace: 'operator-console',
      });
      expect(bad.status).toBe(400);
      await post(`${dev}/__simulator/scale`, {
        namespace: 'operator-console',
        name: 'operator-console',
        replicas: 1,
      });
    });
  });
});

describe('bearer token auth', () => {
  let sim: ClusterSimulator;

  beforeAll(async () => {
    sim = await startClusterSimulator({
      portBase: 0,
      token: 'sekret',
      clusters: [
        { name: 'eks-staging-use1', environment: 'staging' },
        {
          name: 'eks-production-use1',
          environment: 'production',
          token: 'prod-only',
        },
      ],
    });
  });

  afterAll(() => sim.stop());

  it('answers 401 Status without the right token', async () => {
    const [staging, prod] = sim.clusters;
    expect(staging.token).toBe('sekret');
    expect(prod.token).toBe('prod-only');
    const none = await get(`${staging.url}/api/v1/pods`);
    expect(none.status).toBe(401);
    expect(none.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
    const wrong = await get(`${staging.url}/api/v1/pods`, {
      Authorization: 'Bearer nope',
    });
    expect(wrong.status).toBe(401);
    const otherCluster = await get(`${prod.url}/api/v1/pods`, {
      Authorization: 'Bearer sekret',
    });
    expect(otherCluster.status).toBe(401);
    const ok = await get(`${staging.url}/api/v1/pods`, {
      Authorization: 'Bearer sekret',
    });
    expect(ok.status).toBe(200);
    const watch = await get(`${staging.url}/api/v1/pods?watch=true`);
    expect(watch.status).toBe(401);
  });

  it('leaves /version and health checks anonymous but protects the admin endpoint', async () => {
    const [staging] = sim.clusters;
    expect((await get(`${staging.url}/version`)).status).toBe(200);
    expect((await get(`${staging.url}/readyz`)).body).toBe('ok');
    expect((await get(`${staging.url}/__simulator/faults`)).status).toBe(401);
    expect(
      (
        await get(`${staging.url}/__simulator/faults`, {
          Authorization: 'Bearer sekret',
        })
      ).status,
    ).toBe(200);
  });
});
