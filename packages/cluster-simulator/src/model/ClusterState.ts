import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IRollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import {
  Environment,
  KubeObject,
  KubeOwnerReference,
  WatchEvent,
} from '../types';
import {
  deploymentStatus,
  hpaStatus,
  pdbStatus,
  podsOwnedBy,
  replicaSetStatus,
  resourceQuotaStatus,
  rolloutStatus,
  statefulSetStatus,
} from './controllers';
import { hash32, safeSuffix, SECOND, timestamp, uuid } from './ids';
import { ResourceType, resourceTypeByKind, RESOURCE_TYPES } from './kinds';
import { buildPodLogs, PodLogOptions } from './logs';
import { nodeMetrics, podMetrics } from './metrics';
import { ObjectStore } from './ObjectStore';
import {
  createRunningPod,
  crashLoopingPod,
  isPodReady,
  recoveredPod,
} from './pods';
import { EXAMPLE_SCENARIOS } from '../../scenarios';
import { populateCluster } from './generate';
import { SimulatorError } from './errors';

/**
 * Options for one simulated cluster's state.
 *
 * @public
 */
export interface ClusterStateOptions {
  /** Cluster name; defaults to `eks-<environment>-use1`. */
  name?: string;
  environment: Environment;
  /**
   * Total number of pods in the cluster, for benchmarks. Pods beyond the
   * example services' own are spread over synthetic `bench-svc-###`
   * services. Values below the example pod count change nothing.
   */
  podsPerCluster?: number;
  /** Number of synthetic services (default: one per 20 bench pods). */
  benchServices?: number;
  /** Simulation start; objects' timestamps are relative to it. Default: now. */
  now?: number | Date;
  /** Number of changes kept for watches that resume from a resourceVersion. */
  historyLimit?: number;
}

/** A node the simulator can place pods on. */
export interface SimNode {
  name: string;
  ip: string;
  zone: string;
}

function resourceTypeForName(kindOrPlural: string): ResourceType {
  const lower = kindOrPlural.toLowerCase();
  const rt = RESOURCE_TYPES.find(
    t =>
      !t.virtual &&
      (t.kind.toLowerCase() === lower ||
        t.plural === lower ||
        t.singular === lower ||
        t.shortNames?.includes(lower)),
  );
  if (!rt) {
    throw new Error(`Unknown kind '${kindOrPlural}'`);
  }
  return rt;
}

/**
 * The objects of one simulated cluster, without any HTTP: generated
 * deterministically from the environment, and changed through the
 * simulation helpers (`scale`, `crash`, `recover`, `deletePod`), which
 * update dependent statuses and notify watchers the way controllers would.
 *
 * @public
 */
export class ClusterState {
  readonly name: string;
  readonly environment: Environment;
  /** The simulation start (ms since epoch). */
  readonly startTime: number;
  /** @internal */
  readonly store: ObjectStore;
  /** @internal */
  readonly nodes: SimNode[] = [];
  readonly #realStart = Date.now();
  readonly #podSerial = new Map<string, number>();
  #podIpCounter = 0;
  readonly #octet: number;

  constructor(options: ClusterStateOptions) {
    this.environment = options.environment;
    this.name = options.name ?? `eks-${options.environment}-use1`;
    const now = options.now === undefined ? Date.now() : Number(options.now);
    this.startTime = Math.floor(now / 1000) * 1000;
    this.store = new ObjectStore(options.historyLimit);
    this.#octet = { development: 10, staging: 20, production: 30 }[
      options.environment
    ];
    populateCluster(this, EXAMPLE_SCENARIOS, {
      podsPerCluster: options.podsPerCluster,
      benchServices: options.benchServices,
    });
    this.store.startRecording();
  }

  /** Simulated current time (ms): the start time plus real time elapsed since. */
  now(): number {
    return this.startTime + (Date.now() - this.#realStart);
  }

  /** The current resourceVersion of the cluster. */
  get resourceVersion(): string {
    return String(this.store.resourceVersion);
  }

  /**
   * Objects of a kind (`Pod`, `pods`, `deploy`…), optionally in one
   * namespace, in key order. Returns copies.
   */
  objects(kind: string, namespace?: string): KubeObject[] {
    return structuredClone(
      this.store.list(resourceTypeForName(kind), namespace),
    );
  }

  /** Every stored object, all kinds (copies). */
  allObjects(): KubeObject[] {
    return structuredClone(
      RESOURCE_TYPES.filter(t => !t.virtual).flatMap(t => this.store.list(t)),
    );
  }

  /** One object (a copy), or undefined. */
  get(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    const obj = this.store.get(
      resourceTypeForName(kind),
      namespace ?? '',
      name,
    );
    return obj ? structuredClone(obj) : undefined;
  }

  /** Watches changes of one kind; returns the function that stops watching. */
  watch(
    kind: string,
    listener: (event: WatchEvent) => void,
    options: { namespace?: string } = {},
  ): () => void {
    const rt = resourceTypeForName(kind);
    const unsubscribe = this.store.subscribe({
      key: `${rt.group}/${rt.version}/${rt.plural}`,
      namespace: options.namespace,
      matches: () => true,
      send: (type, json) => listener({ type, object: JSON.parse(json) }),
    });
    return unsubscribe || (() => {});
  }

  /** metrics.k8s.io PodMetrics for running pods. */
  podMetrics(namespace?: string): KubeObject[] {
    return podMetrics(this, namespace);
  }

  /** metrics.k8s.io NodeMetrics. */
  nodeMetrics(): KubeObject[] {
    return nodeMetrics(this);
  }

  /** A pod's log text, like `GET .../pods/{name}/log`. */
  podLogs(
    namespace: string,
    name: string,
    options: PodLogOptions = {},
  ): string {
    const pod = this.store.get(resourceTypeByKind('Pod'), namespace, name);
    if (!pod) {
      throw new SimulatorError(`pods "${name}" not found`, 404, 'NotFound', {
        name,
        kind: 'pods',
      });
    }
    return buildPodLogs(pod as unknown as IPod, options, this.now());
  }

  // ---------------------------------------------------------------------
  // Simulation helpers

  /**
   * Scales a Deployment, StatefulSet or Argo Rollout: pods are created or
   * removed and every dependent status (ReplicaSet, Deployment, HPA, PDB,
   * quota) is updated, emitting watch events.
   */
  scale(namespace: string, name: string, replicas: number) {
    if (!Number.isInteger(replicas) || replicas < 0) {
      throw new SimulatorError(
        `invalid replica count ${replicas}`,
        422,
        'Invalid',
      );
    }
    const now = this.now();
    const deployment = this.store.get(
      resourceTypeByKind('Deployment'),
      namespace,
      name,
    );
    const sts = this.store.get(
      resourceTypeByKind('StatefulSet'),
      namespace,
      name,
    );
    const rollout = this.store.get(
      resourceTypeByKind('Rollout'),
      namespace,
      name,
    );
    if (deployment) {
      const d = this.#bumpSpec(deployment, {
        replicas,
      }) as unknown as IDeployment;
      const revision =
        d.metadata!.annotations!['deployment.kubernetes.io/revision'];
      for (const rs of this.#ownedReplicaSets(deployment)) {
        const current =
          rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ===
          revision;
        const updated = this.#setReplicaSetReplicas(
          rs,
          current ? replicas : 0,
          replicas,
        );
        this.reconcileReplicaSet(updated, now);
      }
    } else if (sts) {
      const updated = this.#bumpSpec(sts, { replicas });
      this.reconcileStatefulSet(updated, now);
    } else if (rollout) {
      const updated = this.#bumpSpec(rollout, { replicas });
      this.reconcileRollout(updated, now);
    } else {
      throw new SimulatorError(
        `no deployment, statefulset or rollout "${name}" in namespace "${namespace}"`,
        404,
        'NotFound',
        { name, kind: 'deployments' },
      );
    }
    this.refreshStatuses(namespace, now);
  }

  /**
   * Makes a pod's container crash: restartCount goes up, the last state is
   * `terminated` with the exit code, and the container waits in
   * CrashLoopBackOff, not ready.
   */
  crash(
    namespace: string,
    podName: string,
    options: {
      container?: string;
      exitCode?: number;
      restarts?: number;
      reason?: string;
    } = {},
  ) {
    const pod = this.#requirePod(namespace, podName);
    const name =
      options.container ?? (pod as unknown as IPod).spec!.containers[0].name;
    const cs = (pod as unknown as IPod).status?.containerStatuses?.find(
      c => c.name === name,
    );
    if (!cs) {
      throw new SimulatorError(
        `container ${name} is not valid for pod ${podName}`,
        400,
        'BadRequest',
      );
    }
    const now = this.now();
    const next = crashLoopingPod(pod, {
      container: name,
      restartCount: cs.restartCount + (options.restarts ?? 1),
      exitCode: options.exitCode ?? 1,
      reason: options.reason,
      finishedAt: now,
    });
    this.store.put(next as unknown as KubeObject);
    this.addEvent({
      involved: next as unknown as KubeObject,
      fieldPath: `spec.containers{${name}}`,
      reason: 'BackOff',
      type: 'Warning',
      message: `Back-off restarting failed container ${name} in pod ${podName}_${namespace}(${pod.metadata.uid})`,
      component: 'kubelet',
      host: (pod as unknown as IPod).spec?.nodeName,
      first: now,
      last: now,
      count: 1,
    });
    this.refreshStatuses(namespace, now);
  }

  /** Makes every container of a pod run and pass its readiness probe again. */
  recover(namespace: string, podName: string) {
    const pod = this.#requirePod(namespace, podName);
    const now = this.now();
    this.store.put(recoveredPod(pod, now) as unknown as KubeObject);
    this.refreshStatuses(namespace, now);
  }

  /**
   * Deletes a pod (MODIFIED with a deletionTimestamp, then DELETED); its
   * ReplicaSet or StatefulSet replaces it, as the controllers would.
   */
  deletePod(namespace: string, podName: string) {
    const pod = this.#requirePod(namespace, podName);
    const now = this.now();
    this.#removePod(pod, now);
    const owner = pod.metadata.ownerReferences?.[0];
    if (owner?.kind === 'ReplicaSet') {
      const rs = this.store.get(
        resourceTypeByKind('ReplicaSet'),
        namespace,
        owner.name,
      );
      if (rs) {
        this.reconcileReplicaSet(rs, now);
      }
    } else if (owner?.kind === 'StatefulSet') {
      const sts = this.store.get(
        resourceTypeByKind('StatefulSet'),
        namespace,
        owner.name,
      );
      if (sts) {
        this.reconcileStatefulSet(sts, now);
      }
    }
    this.refreshStatuses(namespace, now);
  }

  // ---------------------------------------------------------------------
  // Controller machinery (used by the generator as well)

  /** @internal */
  put(obj: KubeObject | object): KubeObject {
    return this.store.put(obj as KubeObject);
  }

  /** @internal */
  ownerRef(owner: KubeObject): KubeOwnerReference {
    return {
      apiVersion: owner.apiVersion,
      kind: owner.kind,
      name: owner.metadata.name,
      uid: owner.metadata.uid!,
      controller: true,
      blockOwnerDeletion: true,
    };
  }

  /** @internal Picks a node and IP for a new pod, deterministically. */
  placement(podName: string, createdAt: number, nodes: SimNode[] = this.nodes) {
    const node = nodes[hash32(`${this.name}/${podName}`) % nodes.length];
    const i = this.#podIpCounter++;
    const perBlock = 128 * 250;
    const second = this.#octet + Math.floor(i / perBlock);
    const rem = i % perBlock;
    const podIP = `10.${second}.${128 + Math.floor(rem / 250)}.${
      (rem % 250) + 4
    }`;
    return { nodeName: node.name, hostIP: node.ip, podIP, createdAt };
  }

  /** @internal The second octet of this cluster's 10.x addresses. */
  get octet() {
    return this.#octet;
  }

  /** @internal A new generated pod name for an owner (`<owner>-<5 chars>`). */
  newPodName(namespace: string, ownerName: string): string {
    const podType = resourceTypeByKind('Pod');
    for (;;) {
      const key = `${namespace}/${ownerName}`;
      const serial = this.#podSerial.get(key) ?? 0;
      this.#podSerial.set(key, serial + 1);
      const name = `${ownerName}-${safeSuffix(
        `${this.name}/${key}/${serial}`,
        5,
      )}`;
      if (!this.store.get(podType, namespace, name)) {
        return name;
      }
    }
  }

  /** @internal Which nodes pods of a namespace may go to. */
  nodesFor: (namespace: string) => SimNode[] = () => this.nodes;

  /** @internal Creates or removes pods until the ReplicaSet has spec.replicas. */
  reconcileReplicaSet(rs: KubeObject, createdAt: number) {
    const r = rs as unknown as IReplicaSet;
    const ns = rs.metadata.namespace!;
    const pods = podsOwnedBy(
      this.store.list(resourceTypeByKind('Pod'), ns),
      rs,
    );
    const desired = r.spec!.replicas ?? 1;
    for (let i = pods.length; i < desired; i++) {
      const name = this.newPodName(ns, rs.metadata.name);
      this.put(
        createRunningPod({
          name,
          namespace: ns,
          template: r.spec!.template!,
          owner: this.ownerRef(rs),
          placement: this.placement(name, createdAt, this.nodesFor(ns)),
          clusterName: this.name,
        }),
      );
    }
    if (pods.length > desired) {
      for (const pod of scaleDownOrder(pods).slice(0, pods.length - desired)) {
        this.#removePod(pod, createdAt);
      }
    }
  }

  /** @internal Creates or removes ordinal pods until the StatefulSet has spec.replicas. */
  reconcileStatefulSet(sts: KubeObject, createdAt: number) {
    const s = sts as unknown as IStatefulSet;
    const ns = sts.metadata.namespace!;
    const podType = resourceTypeByKind('Pod');
    const desired = s.spec!.replicas ?? 1;
    const revision = s.status?.updateRevision ?? `${sts.metadata.name}-unknown`;
    const owned = podsOwnedBy(this.store.list(podType, ns), sts);
    for (let ordinal = 0; ordinal < desired; ordinal++) {
      const name = `${sts.metadata.name}-${ordinal}`;
      if (this.store.get(podType, ns, name)) {
        continue;
      }
      const template: IPodTemplateSpec = structuredClone(s.spec!.template);
      const claims = s.spec!.volumeClaimTemplates ?? [];
      template.spec!.volumes = [
        ...claims.map(c => ({
          name: c.metadata!.name!,
          persistentVolumeClaim: { claimName: `${c.metadata!.name}-${name}` },
        })),
        ...(template.spec!.volumes ?? []),
      ];
      this.put(
        createRunningPod({
          name,
          namespace: ns,
          template,
          extraLabels: {
            'apps.kubernetes.io/pod-index': String(ordinal),
            'controller-revision-hash': revision,
            'statefulset.kubernetes.io/pod-name': name,
          },
          owner: this.ownerRef(sts),
          placement: this.placement(name, createdAt, this.nodesFor(ns)),
          clusterName: this.name,
          hostname: name,
          subdomain: s.spec!.serviceName,
        }),
      );
    }
    for (const pod of owned) {
      const ordinal = Number(
        pod.metadata.name.slice(sts.metadata.name.length + 1),
      );
      if (ordinal >= desired) {
        this.#removePod(pod, createdAt);
      }
    }
  }

  /** @internal Splits a Rollout's replicas over its stable and canary ReplicaSets. */
  reconcileRollout(rollout: KubeObject, createdAt: number) {
    const ro = rollout as unknown as IRollout;
    const replicas = ro.spec.replicas ?? 1;
    const weight = ro.status?.canary?.weights?.canary.weight ?? 0;
    const canaryCount = Math.min(
      replicas,
      Math.ceil((replicas * weight) / 100),
    );
    for (const rs of this.#ownedReplicaSets(rollout)) {
      const isCanary =
        rs.metadata.labels?.['rollouts-pod-template-hash'] ===
        ro.status?.currentPodHash;
      const count = isCanary ? canaryCount : replicas - canaryCount;
      const updated = this.#setReplicaSetReplicas(rs, count);
      this.reconcileReplicaSet(updated, createdAt);
    }
  }

  /**
   * @internal Recomputes the status of every controller-managed object in a
   * namespace from its pods; stores (and announces) only real changes.
   */
  refreshStatuses(namespace: string, now: number) {
    const t = (kind: string) => resourceTypeByKind(kind);
    const pods = this.store.list(t('Pod'), namespace);
    const replicaSets = this.store.list(t('ReplicaSet'), namespace);
    for (const rs of replicaSets) {
      this.#setStatus(rs, replicaSetStatus(rs, pods));
    }
    const freshReplicaSets = this.store.list(t('ReplicaSet'), namespace);
    for (const d of this.store.list(t('Deployment'), namespace)) {
      this.#setStatus(d, deploymentStatus(d, freshReplicaSets, pods, now));
    }
    for (const s of this.store.list(t('StatefulSet'), namespace)) {
      this.#setStatus(s, statefulSetStatus(s, pods));
    }
    for (const r of this.store.list(t('Rollout'), namespace)) {
      this.#setStatus(r, rolloutStatus(r, freshReplicaSets, pods, now));
    }
    for (const hpa of this.store.list(
      t('HorizontalPodAutoscaler'),
      namespace,
    )) {
      const ref = (hpa as unknown as IHorizontalPodAutoscaler).spec!
        .scaleTargetRef;
      const target = this.store.get(t(ref.kind), namespace, ref.name);
      this.#setStatus(hpa, hpaStatus(hpa, target, now));
    }
    for (const pdb of this.store.list(t('PodDisruptionBudget'), namespace)) {
      this.#setStatus(pdb, pdbStatus(pdb, pods, now));
    }
    for (const quota of this.store.list(t('ResourceQuota'), namespace)) {
      this.#setStatus(quota, resourceQuotaStatus(quota, pods));
    }
  }

  /** @internal Records a core/v1 Event about an object. */
  addEvent(e: {
    involved: KubeObject;
    fieldPath?: string;
    reason: string;
    message: string;
    type: 'Normal' | 'Warning';
    component: string;
    host?: string;
    first: number;
    last: number;
    count: number;
  }) {
    const ns = e.involved.metadata.namespace ?? 'default';
    const name = `${e.involved.metadata.name}.${safeSuffix(
      `${this.name}/${e.involved.metadata.uid}/${e.reason}/${e.first}`,
      16,
    ).replace(/[^a-z0-9]/g, 'a')}`;
    const involvedObject: Record<string, string> = {
      kind: e.involved.kind,
      namespace: ns,
      name: e.involved.metadata.name,
      uid: e.involved.metadata.uid!,
      apiVersion: e.involved.apiVersion,
      resourceVersion: e.involved.metadata.resourceVersion ?? '',
    };
    if (e.fieldPath) {
      involvedObject.fieldPath = e.fieldPath;
    }
    this.put({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name,
        namespace: ns,
        uid: uuid(`${this.name}/event/${ns}/${name}`),
        creationTimestamp: timestamp(e.first),
      },
      involvedObject,
      reason: e.reason,
      message: e.message,
      source: e.host
        ? { component: e.component, host: e.host }
        : { component: e.component },
      firstTimestamp: timestamp(e.first),
      lastTimestamp: timestamp(e.last),
      count: e.count,
      type: e.type,
      eventTime: null,
      reportingComponent: e.component,
      reportingInstance: e.host ?? '',
    });
  }

  #requirePod(namespace: string, name: string): KubeObject {
    const pod = this.store.get(resourceTypeByKind('Pod'), namespace, name);
    if (!pod) {
      throw new SimulatorError(`pods "${name}" not found`, 404, 'NotFound', {
        name,
        kind: 'pods',
      });
    }
    return pod;
  }

  #removePod(pod: KubeObject, now: number) {
    const podType = resourceTypeByKind('Pod');
    this.store.put({
      ...pod,
      metadata: {
        ...pod.metadata,
        deletionTimestamp: timestamp(now + 30 * SECOND),
        deletionGracePeriodSeconds: 30,
      },
    });
    this.store.delete(podType, pod.metadata.namespace!, pod.metadata.name);
  }

  #ownedReplicaSets(owner: KubeObject) {
    return this.store
      .list(resourceTypeByKind('ReplicaSet'), owner.metadata.namespace!)
      .filter(rs =>
        rs.metadata.ownerReferences?.some(r => r.uid === owner.metadata.uid),
      );
  }

  #bumpSpec(obj: KubeObject, patch: Record<string, unknown>): KubeObject {
    const spec = obj.spec as Record<string, unknown>;
    const changed = Object.entries(patch).some(([k, v]) => spec[k] !== v);
    if (!changed) {
      return obj;
    }
    return this.put({
      ...obj,
      metadata: {
        ...obj.metadata,
        generation: (obj.metadata.generation ?? 1) + 1,
      },
      spec: { ...spec, ...patch },
    });
  }

  #setReplicaSetReplicas(
    rs: KubeObject,
    replicas: number,
    desiredAnnotation?: number,
  ) {
    const r = rs as unknown as IReplicaSet;
    const annotations = { ...rs.metadata.annotations };
    if (desiredAnnotation !== undefined && replicas > 0) {
      annotations['deployment.kubernetes.io/desired-replicas'] =
        String(desiredAnnotation);
      annotations['deployment.kubernetes.io/max-replicas'] = String(
        desiredAnnotation + Math.ceil(desiredAnnotation * 0.25),
      );
    }
    if (
      r.spec!.replicas === replicas &&
      JSON.stringify(annotations) === JSON.stringify(rs.metadata.annotations)
    ) {
      return rs;
    }
    return this.put({
      ...rs,
      metadata: {
        ...rs.metadata,
        annotations,
        generation: (rs.metadata.generation ?? 1) + 1,
      },
      spec: { ...(rs.spec as object), replicas },
    });
  }

  #setStatus(obj: KubeObject, status: unknown) {
    if (JSON.stringify(obj.status) === JSON.stringify(status)) {
      return;
    }
    this.put({ ...obj, status });
  }
}

/** The order a ReplicaSet removes pods in: unready first, then newest. */
function scaleDownOrder(pods: KubeObject[]): KubeObject[] {
  return [...pods].sort((a, b) => {
    const ra = isPodReady(a) ? 1 : 0;
    const rb = isPodReady(b) ? 1 : 0;
    if (ra !== rb) {
      return ra - rb;
    }
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) {
      return ta < tb ? 1 : -1;
    }
    return a.metadata.name < b.metadata.name ? 1 : -1;
  });
}
