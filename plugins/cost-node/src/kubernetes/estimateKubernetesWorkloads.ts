import {
  HOURS_PER_MONTH,
  KubernetesWorkloadCost,
  KubernetesWorkloadEstimate,
  roundMoney,
} from '@gatehouse/plugin-cost-common';
import { GIB, parseQuantity } from '@gatehouse/plugin-infra-plans-common';
import { InvalidInputError } from '../errors';
import { defaultPriceBook } from '../pricing/loadPricing';
import type { PriceBook } from '../pricing/PriceBook';
import { priceProvenance } from '../pricing/priceProvenance';
import { describeValue, isPlainObject } from '../util/narrow';

/**
 * Options of {@link estimateKubernetesWorkloads}.
 *
 * @public
 */
export type EstimateKubernetesWorkloadsOptions = {
  /** EC2 instance type of the nodes, e.g. `m6i.large`. */
  nodeInstanceType: string;
  /** AWS region of the nodes (default us-east-1). */
  region?: string;
  /** Number of nodes; needed to price DaemonSets (one pod per node). */
  nodeCount?: number;
  priceBook?: PriceBook;
};

/** Kinds whose pods come from `spec.template`, scaled by `spec.replicas`. */
const REPLICATED_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'ReplicationController',
]);
const BATCH_KINDS = new Set(['Job', 'CronJob']);

type Requests = { cpuCores: number; memoryGiB: number };

type Hpa = { name: string; min: number; max: number };

/**
 * The plain value (cores, bytes) of a resource quantity in a manifest at
 * `path`. Anything Kubernetes accepts is read (manifests are priced as the
 * cluster would run them, so `512m` of memory is 0.512 bytes, not an error);
 * what it refuses, and negative requests, fail with the path.
 */
export function quantityAt(quantity: unknown, path: string): number {
  const value =
    typeof quantity === 'string' || typeof quantity === 'number'
      ? parseQuantity(quantity)
      : undefined;
  if (value === undefined || value < 0) {
    throw new InvalidInputError(
      `${path} must be a Kubernetes quantity such as "500m" or "512Mi" (got ${JSON.stringify(
        quantity,
      )})`,
    );
  }
  return value;
}

function describeObject(
  object: Record<string, unknown>,
  position: number,
): string {
  const metadata = isPlainObject(object.metadata) ? object.metadata : {};
  return `objects[${position}] (${String(object.kind)} ${String(
    metadata.name ?? '?',
  )})`;
}

function containerRequests(container: unknown, path: string): Requests {
  if (!isPlainObject(container)) {
    throw new InvalidInputError(
      `${path} must be an object (got ${describeValue(container)})`,
    );
  }
  const resources = isPlainObject(container.resources)
    ? container.resources
    : {};
  const requests = isPlainObject(resources.requests) ? resources.requests : {};
  const limits = isPlainObject(resources.limits) ? resources.limits : {};
  // Kubernetes defaults a missing request to the limit.
  const cpu = requests.cpu ?? limits.cpu;
  const memory = requests.memory ?? limits.memory;
  return {
    cpuCores:
      cpu === undefined ? 0 : quantityAt(cpu, `${path}.resources.requests.cpu`),
    memoryGiB:
      memory === undefined
        ? 0
        : quantityAt(memory, `${path}.resources.requests.memory`) / GIB,
  };
}

function containerList(
  podSpec: Record<string, unknown>,
  field: string,
  path: string,
): unknown[] {
  const list = podSpec[field];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    throw new InvalidInputError(
      `${path}.${field} must be an array (got ${describeValue(list)})`,
    );
  }
  return list;
}

/**
 * Effective pod requests, as the scheduler computes them: the sum over
 * containers, or the largest init container if that is more.
 */
function podRequests(podSpec: Record<string, unknown>, path: string): Requests {
  const total: Requests = { cpuCores: 0, memoryGiB: 0 };
  containerList(podSpec, 'containers', path).forEach((container, i) => {
    const requests = containerRequests(container, `${path}.containers[${i}]`);
    total.cpuCores += requests.cpuCores;
    total.memoryGiB += requests.memoryGiB;
  });
  containerList(podSpec, 'initContainers', path).forEach((container, i) => {
    const requests = containerRequests(
      container,
      `${path}.initContainers[${i}]`,
    );
    total.cpuCores = Math.max(total.cpuCores, requests.cpuCores);
    total.memoryGiB = Math.max(total.memoryGiB, requests.memoryGiB);
  });
  return total;
}

function flatten(objects: unknown): unknown[] {
  const list = Array.isArray(objects) ? objects : [objects];
  // `kubectl get -o json` returns a List whose items are the objects.
  return list.flatMap(object =>
    isPlainObject(object) &&
    object.kind === 'List' &&
    Array.isArray(object.items)
      ? object.items
      : [object],
  );
}

function hpaKey(namespace: string, kind: string, name: string): string {
  return `${namespace}/${kind}/${name}`;
}

function collectHpas(objects: unknown[]): Map<string, Hpa> {
  const hpas = new Map<string, Hpa>();
  for (const object of objects) {
    if (!isPlainObject(object) || object.kind !== 'HorizontalPodAutoscaler')
      continue;
    const metadata = isPlainObject(object.metadata) ? object.metadata : {};
    const spec = isPlainObject(object.spec) ? object.spec : {};
    const target = isPlainObject(spec.scaleTargetRef)
      ? spec.scaleTargetRef
      : {};
    if (typeof target.kind !== 'string' || typeof target.name !== 'string')
      continue;
    const namespace =
      typeof metadata.namespace === 'string' ? metadata.namespace : 'default';
    const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
    const max = typeof spec.maxReplicas === 'number' ? spec.maxReplicas : min;
    hpas.set(hpaKey(namespace, target.kind, target.name), {
      name: typeof metadata.name === 'string' ? metadata.name : target.name,
      min,
      max,
    });
  }
  return hpas;
}

/**
 * Estimates what Kubernetes workloads cost on nodes of one instance type.
 *
 * Formula: a pod costs the node's monthly on-demand price × max(pod CPU
 * request / node vCPUs, pod memory request / node memory), and a workload
 * costs that × replicas. An HPA gives a range from minReplicas to
 * maxReplicas (point estimate: replicas clamped into that range). Node
 * capacity, not allocatable, is used, so system reservations and idle
 * capacity are not charged to workloads.
 *
 * @param objects - Parsed manifests (objects, an array, or a `List`).
 * @public
 */
export function estimateKubernetesWorkloads(
  objects: unknown,
  options: EstimateKubernetesWorkloadsOptions,
): KubernetesWorkloadEstimate {
  const priceBook = options.priceBook ?? defaultPriceBook();
  const region = options.region ?? 'us-east-1';
  const { nodeInstanceType } = options;
  const price = priceBook.price(region, `ec2:instance:${nodeInstanceType}`);
  const spec = priceBook.instanceSpec(nodeInstanceType);
  if (!price || !spec) {
    throw new InvalidInputError(
      `No ${
        !price ? `price in ${region}` : 'vCPU/memory specification'
      } for node instance type ${nodeInstanceType} in pricing ${
        priceBook.version
      }`,
    );
  }
  const nodeMonthly = price.price * HOURS_PER_MONTH;
  const all = flatten(objects);
  const hpas = collectHpas(all);

  const result: KubernetesWorkloadEstimate = {
    currency: priceBook.currency,
    pricingVersion: priceBook.version,
    region,
    hoursPerMonth: HOURS_PER_MONTH,
    node: {
      instanceType: nodeInstanceType,
      vcpu: spec.vcpu,
      memoryGiB: spec.memoryGiB,
      hourlyPrice: price.price,
      monthlyPrice: roundMoney(nodeMonthly),
      priceProvenance: priceProvenance(price, priceBook.effectiveDate),
    },
    totals: { monthly: 0, range: { low: 0, high: 0 } },
    workloads: [],
    unpriced: [],
    skipped: [],
  };
  let total = 0;
  let low = 0;
  let high = 0;

  all.forEach((object, position) => {
    if (!isPlainObject(object) || typeof object.kind !== 'string') {
      throw new InvalidInputError(
        `objects[${position}] must be a Kubernetes object with a kind (got ${describeValue(
          object,
        )})`,
      );
    }
    const kind = object.kind;
    const metadata = isPlainObject(object.metadata) ? object.metadata : {};
    const name =
      typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
    const namespace =
      typeof metadata.namespace === 'string' ? metadata.namespace : 'default';
    const path = describeObject(object, position);
    const objectSpec = isPlainObject(object.spec) ? object.spec : {};

    let podSpec: unknown;
    let replicas = 1;
    if (REPLICATED_KINDS.has(kind) || kind === 'DaemonSet') {
      const template = isPlainObject(objectSpec.template)
        ? objectSpec.template
        : {};
      podSpec = template.spec;
      if (kind === 'DaemonSet') {
        if (options.nodeCount === undefined) {
          result.unpriced.push({
            kind,
            name,
            namespace,
            reason:
              'a DaemonSet runs one pod per node; pass nodeCount to price it',
          });
          return;
        }
        replicas = options.nodeCount;
      } else if (objectSpec.replicas !== undefined) {
        if (
          typeof objectSpec.replicas !== 'number' ||
          objectSpec.replicas < 0
        ) {
          throw new InvalidInputError(
            `${path}.spec.replicas must be a non-negative number (got ${describeValue(
              objectSpec.replicas,
            )})`,
          );
        }
        replicas = objectSpec.replicas;
      }
    } else if (kind === 'Pod') {
      podSpec = object.spec;
    } else if (BATCH_KINDS.has(kind)) {
      result.unpriced.push({
        kind,
        name,
        namespace,
        reason: 'batch workloads run for an unknown time each month',
      });
      return;
    } else {
      // HPAs were read above; anything else is not a workload.
      if (kind !== 'HorizontalPodAutoscaler')
        result.skipped.push({ kind, name });
      return;
    }
    if (!isPlainObject(podSpec)) {
      throw new InvalidInputError(
        `${path} has no pod spec (spec.template.spec for ${kind})`,
      );
    }
    const requests = podRequests(
      podSpec,
      `${path}.spec${kind === 'Pod' ? '' : '.template.spec'}`,
    );
    if (requests.cpuCores === 0 && requests.memoryGiB === 0) {
      result.unpriced.push({
        kind,
        name,
        namespace,
        reason: 'containers declare no CPU or memory requests',
      });
      return;
    }
    const cpuShare = requests.cpuCores / spec.vcpu;
    const memoryShare = requests.memoryGiB / spec.memoryGiB;
    const share = Math.max(cpuShare, memoryShare);
    if (share > 1) {
      result.unpriced.push({
        kind,
        name,
        namespace,
        reason: `pod requests (${requests.cpuCores} CPU, ${roundMoney(
          requests.memoryGiB,
        )} GiB) do not fit on one ${nodeInstanceType} (${spec.vcpu} vCPU, ${
          spec.memoryGiB
        } GiB)`,
      });
      return;
    }
    const perPod = share * nodeMonthly;
    const hpa = hpas.get(hpaKey(namespace, kind, name));
    const workload: KubernetesWorkloadCost = {
      kind,
      name,
      namespace,
      replicas,
      podRequests: {
        cpuCores: roundMoney(requests.cpuCores),
        memoryGiB: roundMoney(requests.memoryGiB),
      },
      podShareOfNode: roundMoney(share),
      dominantResource: cpuShare >= memoryShare ? 'cpu' : 'memory',
      monthlyPerPod: roundMoney(perPod),
      monthly: 0,
    };
    let workloadLow = perPod * replicas;
    let workloadHigh = workloadLow;
    if (hpa) {
      workload.replicas = Math.min(Math.max(replicas, hpa.min), hpa.max);
      workload.replicaRange = { min: hpa.min, max: hpa.max };
      workload.hpa = hpa.name;
      workloadLow = perPod * hpa.min;
      workloadHigh = perPod * hpa.max;
      workload.range = {
        low: roundMoney(workloadLow),
        high: roundMoney(workloadHigh),
      };
    }
    const monthly = perPod * workload.replicas;
    workload.monthly = roundMoney(monthly);
    total += monthly;
    low += workloadLow;
    high += workloadHigh;
    result.workloads.push(workload);
  });

  result.totals = {
    monthly: roundMoney(total),
    range: { low: roundMoney(low), high: roundMoney(high) },
  };
  return result;
}
