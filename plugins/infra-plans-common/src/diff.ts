/**
 * Semantic diff between two revisions of a plan. Lists of named things are
 * matched by name rather than position (node groups, workloads, data stores,
 * load balancers, security groups, alerts…), subnets by availability zone and
 * security group rules by their name or protocol/ports/peer, so reordering a
 * list is not a change and an insertion does not shift every later item.
 */
import type { InfraPlan } from './schema';
import { formatPortRange, parsePortRange } from './units';

/** One difference between two plan revisions. @public */
export interface PlanChange {
  /**
   * Where: list items are selected by their key, e.g.
   * `spec.environments.production.compute.nodeGroups[name=general].maxSize`.
   */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** The environment the change belongs to, when it belongs to one. */
  environment?: string;
  before?: unknown;
  after?: unknown;
  /** For reviewers: `node group general: max 10 → 20`. */
  summary: string;
}

type Item = Record<string, unknown>;

interface ListConfig {
  /** Identity of an item within its list. */
  key: (item: Item) => string;
  /** Path selector, e.g. `name=general`. */
  selector: (item: Item) => string;
  /** Reader-facing name of the item, given the enclosing entity. */
  label: (item: Item, parent?: string) => string;
  /** Extra detail for added/removed summaries. */
  detail?: (item: Item) => string | undefined;
}

const str = (v: unknown) => (v === undefined ? '' : String(v));

function named(kind: string): ListConfig {
  return {
    key: i => str(i.name),
    selector: i => `name=${str(i.name)}`,
    label: (i, parent) =>
      parent ? `${parent}: ${kind} ${str(i.name)}` : `${kind} ${str(i.name)}`,
  };
}

function subnets(tier: string): ListConfig {
  return {
    key: i => str(i.az),
    selector: i => `az=${str(i.az)}`,
    label: i => `${tier} subnet ${str(i.az)}`,
    detail: i => str(i.cidr),
  };
}

function ruleIdentity(rule: Item): string {
  if (rule.name) return str(rule.name);
  const range = parsePortRange(rule.ports as number | string | undefined);
  const ports = range ? ` ${formatPortRange(range)}` : '';
  const peer =
    rule.cidr ??
    (rule.securityGroup ? `sg:${str(rule.securityGroup)}` : 'self');
  return `${str(rule.protocol)}${ports} from ${str(peer)}`;
}

function sgRules(direction: string): ListConfig {
  return {
    key: ruleIdentity,
    selector: i => (i.name ? `name=${str(i.name)}` : `rule=${ruleIdentity(i)}`),
    label: (i, parent) => `${parent}: ${direction} rule ${ruleIdentity(i)}`,
  };
}

function naclRules(direction: string): ListConfig {
  return {
    key: i => str(i.rule),
    selector: i => `rule=${str(i.rule)}`,
    label: (i, parent) => `${parent}: ${direction} rule ${str(i.rule)}`,
  };
}

/** Keyed lists, by path relative to the environment (`[]` marks list items). */
const LISTS: Record<string, ListConfig> = {
  'network.subnets.public': subnets('public'),
  'network.subnets.private': subnets('private'),
  'network.subnets.database': subnets('database'),
  'network.loadBalancers': named('load balancer'),
  'network.loadBalancers[].listeners': {
    key: i => str(i.port),
    selector: i => `port=${str(i.port)}`,
    label: (i, parent) => `${parent}: listener ${str(i.port)}`,
  },
  'network.securityGroups': named('security group'),
  'network.securityGroups[].ingress': sgRules('ingress'),
  'network.securityGroups[].egress': sgRules('egress'),
  'network.nacls': named('network ACL'),
  'network.nacls[].ingress': naclRules('ingress'),
  'network.nacls[].egress': naclRules('egress'),
  'compute.nodeGroups': named('node group'),
  'compute.nodeGroups[].taints': {
    key: i => `${str(i.key)}:${str(i.effect)}`,
    selector: i => `key=${str(i.key)}`,
    label: (i, parent) =>
      `${parent}: taint ${str(i.key)}=${str(i.value)}:${str(i.effect)}`,
  },
  workloads: named('workload'),
  'workloads[].ports': {
    key: i => str(i.containerPort),
    selector: i => `containerPort=${str(i.containerPort)}`,
    label: (i, parent) => `${parent}: port ${str(i.containerPort)}`,
  },
  'data.databases': named('database'),
  'data.caches': named('cache'),
  'data.objectStorage': named('bucket'),
  'data.objectStorage[].lifecycle': {
    key: i => str(i.name ?? i.prefix ?? ''),
    selector: i => `name=${str(i.name ?? i.prefix ?? '')}`,
    label: (i, parent) =>
      `${parent}: lifecycle rule ${str(i.name ?? i.prefix ?? '(all objects)')}`,
  },
  'data.queues': named('queue'),
  'observability.alerts': named('alert'),
  'security.waf.rules': named('WAF rule'),
  'security.secrets.items': named('secret'),
};

const SECTIONS: Record<string, string> = {
  network: 'network',
  compute: 'compute',
  data: 'data',
  delivery: 'delivery',
  observability: 'observability',
  disasterRecovery: 'disaster recovery',
  security: 'security',
  slos: 'SLOs',
  budget: 'budget',
  tier: 'tier',
  region: 'region',
  size: 'size',
  description: 'description',
  workloads: 'workloads',
};

/** Field labels, by path relative to the entity (full path first, then last key). */
const FIELDS: Record<string, string> = {
  minSize: 'min',
  maxSize: 'max',
  desiredSize: 'desired',
  instanceTypes: 'instance types',
  capacityType: 'capacity type',
  diskSize: 'disk size',
  instanceClass: 'instance class',
  multiAz: 'multi-AZ',
  readReplicas: 'read replicas',
  'storage.allocated': 'storage',
  'storage.max': 'max storage',
  'backup.retention': 'backup retention',
  'backup.window': 'backup window',
  'backup.frequency': 'backup frequency',
  'backup.pointInTimeRecovery': 'point-in-time recovery',
  maintenanceWindow: 'maintenance window',
  deletionProtection: 'deletion protection',
  nodeType: 'node type',
  replicasPerShard: 'replicas per shard',
  'resources.requests.cpu': 'CPU request',
  'resources.requests.memory': 'memory request',
  'resources.limits.cpu': 'CPU limit',
  'resources.limits.memory': 'memory limit',
  'autoscaling.minReplicas': 'HPA min replicas',
  'autoscaling.maxReplicas': 'HPA max replicas',
  'autoscaling.targets.cpuUtilization': 'HPA CPU target %',
  'autoscaling.targets.memoryUtilization': 'HPA memory target %',
  'autoscaling.targets.requestsPerSecond': 'HPA requests/s target',
  'autoscaling.targets.queue.messagesPerReplica': 'HPA messages per replica',
  'disruptionBudget.minAvailable': 'disruption budget minAvailable',
  'disruptionBudget.maxUnavailable': 'disruption budget maxUnavailable',
  nodeGroup: 'node group',
  'vpc.cidr': 'VPC CIDR',
  'vpc.availabilityZones': 'availability zones',
  'vpc.natGateways': 'NAT gateways',
  'vpc.flowLogs': 'flow logs',
  'cluster.kubernetesVersion': 'Kubernetes version',
  'cluster.endpointAccess': 'API endpoint access',
  kubernetesVersion: 'Kubernetes version',
  rpo: 'RPO',
  rto: 'RTO',
  drRegion: 'DR region',
  testCadence: 'DR test cadence',
  latencyP95: 'p95 latency',
  latencyP99: 'p99 latency',
  throughputRps: 'throughput (rps)',
  errorRate: 'error rate %',
  availability: 'availability %',
  monthlyUsd: 'monthly USD',
  alertThresholds: 'alert thresholds %',
  'encryption.atRest.enabled': 'encryption at rest',
  'encryption.inTransit.enabled': 'encryption in transit',
  'encryption.inTransit.minTlsVersion': 'minimum TLS version',
  'canary.steps': 'canary steps',
  'rollback.procedure': 'rollback procedure',
  'metrics.retention': 'metrics retention',
  'logs.retention': 'log retention',
  cidr: 'CIDR',
  az: 'availability zone',
  'metadata.owner': 'owner',
  'metadata.system': 'system',
  'metadata.revision': 'revision',
  'metadata.service': 'service',
  'metadata.description': 'description',
  'spec.regions': 'regions',
  'spec.provider': 'provider',
};

interface Frame {
  /** Display path so far. */
  path: string;
  environment?: string;
  /** Pattern relative to the environment, `[]` for list items. */
  pattern?: string;
  /** Reader-facing entity the fields belong to. */
  entity?: string;
  /** Field path relative to the entity. */
  rel: string[];
}

function isObject(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => equal(v, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!equal(a[key], b[key])) return false;
    return true;
  }
  return false;
}

function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) {
    if (value.every(v => !isObject(v) && !Array.isArray(v)))
      return `[${value.join(', ')}]`;
    if (value.every(v => isObject(v) && 'weight' in v)) {
      return value.map(v => `${str((v as Item).weight)}%`).join('→');
    }
    return JSON.stringify(value);
  }
  if (isObject(value)) return JSON.stringify(value);
  return String(value);
}

function fieldLabel(rel: string[]): string {
  const full = rel.join('.');
  return FIELDS[full] ?? FIELDS[rel[rel.length - 1]] ?? full;
}

function describe(frame: Frame, text: string): string {
  return frame.entity ? `${frame.entity}: ${text}` : text;
}

function childPath(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$-]*$/.test(key))
    return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

/**
 * The changes from one plan revision to the next, in document order, with a
 * one-line summary each (`workload api: replicas 3 → 5`).
 * @public
 */
export function diffPlans(before: InfraPlan, after: InfraPlan): PlanChange[] {
  const out: PlanChange[] = [];

  function push(
    frame: Frame,
    kind: PlanChange['kind'],
    a: unknown,
    b: unknown,
    summary: string,
  ) {
    out.push({
      path: frame.path,
      kind,
      ...(frame.environment ? { environment: frame.environment } : {}),
      ...(a !== undefined ? { before: a } : {}),
      ...(b !== undefined ? { after: b } : {}),
      summary,
    });
  }

  function leaf(frame: Frame, a: unknown, b: unknown) {
    const label = frame.rel.length ? fieldLabel(frame.rel) : undefined;
    if (a === undefined) {
      const value = isObject(b) ? '' : ` (${formatValue(b)})`;
      push(
        frame,
        'added',
        a,
        b,
        label
          ? describe(frame, `${label} added${value}`)
          : `${frame.entity ?? frame.path} added`,
      );
    } else if (b === undefined) {
      const value = isObject(a) ? '' : ` (was ${formatValue(a)})`;
      push(
        frame,
        'removed',
        a,
        b,
        label
          ? describe(frame, `${label} removed${value}`)
          : `${frame.entity ?? frame.path} removed`,
      );
    } else {
      push(
        frame,
        'changed',
        a,
        b,
        describe(
          frame,
          `${label ?? 'value'} ${formatValue(a)} → ${formatValue(b)}`,
        ),
      );
    }
  }

  function walk(a: unknown, b: unknown, frame: Frame): void {
    if (equal(a, b)) return;
    const config =
      frame.pattern !== undefined ? LISTS[frame.pattern] : undefined;
    const list = (v: unknown) => (v === undefined ? [] : v);
    if (
      config &&
      Array.isArray(list(a)) &&
      Array.isArray(list(b)) &&
      [...(list(a) as unknown[]), ...(list(b) as unknown[])].every(isObject)
    ) {
      // A keyed list appearing or disappearing is reported item by item.
      walkList(list(a) as Item[], list(b) as Item[], frame, config);
      return;
    }
    if (a === undefined || b === undefined) {
      leaf(frame, a, b);
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = [
        ...Object.keys(a),
        ...Object.keys(b).filter(k => !(k in a)),
      ];
      for (const key of keys) walk(a[key], b[key], child(frame, key));
      return;
    }
    leaf(frame, a, b);
  }

  function child(frame: Frame, key: string): Frame {
    const path = childPath(frame.path, key);
    if (frame.path === 'spec.environments') {
      return {
        path,
        environment: key,
        pattern: '',
        entity: `environment ${key}`,
        rel: [],
      };
    }
    if (frame.pattern === '') {
      const section = SECTIONS[key] ?? key;
      const isField = ['tier', 'region', 'size', 'description'].includes(key);
      return isField
        ? { path, environment: frame.environment, pattern: key, rel: [key] }
        : {
            path,
            environment: frame.environment,
            pattern: key,
            entity: section,
            rel: [],
          };
    }
    return {
      path,
      environment: frame.environment,
      pattern:
        frame.pattern === undefined ? undefined : `${frame.pattern}.${key}`,
      entity: frame.entity,
      rel: [...frame.rel, key],
    };
  }

  function walkList(
    a: Item[],
    b: Item[],
    frame: Frame,
    config: ListConfig,
  ): void {
    // Lists inside a list item (rules of a security group) name their parent.
    const parent = frame.pattern?.includes('[]') ? frame.entity : undefined;
    const itemFrame = (item: Item): Frame => ({
      path: `${frame.path}[${config.selector(item)}]`,
      environment: frame.environment,
      pattern: `${frame.pattern}[]`,
      entity: config.label(item, parent),
      rel: [],
    });
    const beforeByKey = new Map(a.map(item => [config.key(item), item]));
    const afterKeys = new Set(b.map(item => config.key(item)));
    for (const item of a) {
      if (!afterKeys.has(config.key(item))) {
        const f = itemFrame(item);
        const detail = config.detail?.(item);
        push(
          f,
          'removed',
          item,
          undefined,
          `${f.entity} removed${detail ? ` (was ${detail})` : ''}`,
        );
      }
    }
    for (const item of b) {
      const previous = beforeByKey.get(config.key(item));
      const f = itemFrame(item);
      if (!previous) {
        const detail = config.detail?.(item);
        push(
          f,
          'added',
          undefined,
          item,
          `${f.entity} added${detail ? ` (${detail})` : ''}`,
        );
      } else {
        walk(previous, item, f);
      }
    }
  }

  walk(before, after, { path: '', rel: [] });
  return out;
}
