/**
 * What every generator needs to know about the environment being rendered:
 * the plan section, names derived once (cluster, namespace, AWS name
 * prefix), the resolved state backend, and which role each security group
 * plays.
 */
import { createHash } from 'node:crypto';
import type {
  ApprovedChange,
  EnvironmentPlan,
  EnvironmentRepository,
  InfraPlan,
  SecurityGroup,
  Workload,
} from '@gatehouse/plugin-infra-plans-common';
import type { RenderEnvironmentOptions, StateBackendOptions } from './types';

export type LoadBalancing = NonNullable<
  RenderEnvironmentOptions['loadBalancing']
>;

const LOAD_BALANCING: ReadonlyArray<LoadBalancing> = [
  'ingress',
  'target-group-binding',
];

export interface RenderContext {
  plan: InfraPlan;
  envName: string;
  env: EnvironmentPlan;
  /** plan.metadata.service, the catalog Component name. */
  service: string;
  /** Full entity ref of the service Component. */
  serviceRef: string;
  /** Kubernetes namespace of the workloads (the service name as a DNS label). */
  namespace: string;
  /** EKS cluster name. */
  clusterName: string;
  /** Prefix of AWS resource names: `<service>-<environment>`, lower case. */
  prefix: string;
  repositoryUrl?: string;
  /** Where the repository is published (recorded on the environment entity). */
  repository?: EnvironmentRepository;
  /** The approved change being delivered, named on every Kubernetes object. */
  change?: ApprovedChange;
  stateBackend: Required<StateBackendOptions>;
  clusterRef?: string;
  /** Region of disaster-recovery copies, when the plan names one. */
  drRegion?: string;
  /** A customer-managed KMS key is created and used for encryption at rest. */
  customerManagedKey: boolean;
  /** Encryption in transit is required (TLS to caches, HTTPS listeners). */
  inTransitEncryption: boolean;
  securityGroupRoles: Map<string, SecurityGroupRole>;
  /** Who creates the application load balancers (see RenderEnvironmentOptions.loadBalancing). */
  loadBalancing: LoadBalancing;
  /** First line of every generated YAML/HCL file. */
  header: string;
}

/**
 * How a plan security group is attached: to load balancers (named by a
 * load balancer), to data stores (its rules open a database or cache port),
 * or to the worker nodes running the workloads (the rest).
 */
export type SecurityGroupRole = 'load-balancer' | 'data' | 'workload';

const ENGINE_PORTS: Record<string, number> = {
  postgres: 5432,
  'aurora-postgresql': 5432,
  mysql: 3306,
  mariadb: 3306,
  'aurora-mysql': 3306,
  redis: 6379,
  valkey: 6379,
  memcached: 11211,
};

/** The port a database or cache listens on. */
export function enginePort(engine: string, port?: number): number {
  return port ?? ENGINE_PORTS[engine] ?? 0;
}

/** Lower-case DNS label from any name (`Orchestrator_API` → `orchestrator-api`). */
export function dnsLabel(name: string, max = 63): string {
  const label = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return shorten(label || 'x', max);
}

/**
 * Shortens a name to `max` characters, keeping it unique with a hash of the
 * full name when it has to be cut.
 */
export function shorten(name: string, max: number): string {
  if (name.length <= max) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 6);
  return `${name.slice(0, max - 7).replace(/-+$/, '')}-${hash}`;
}

/**
 * An AWS resource name of the environment: `<prefix>-<suffix>`, as a DNS
 * label of at most `max` characters (load balancers and target groups
 * allow 32, ElastiCache ids 40, most others 63).
 */
export function awsName(ctx: RenderContext, suffix: string, max = 63): string {
  const name = dnsLabel(`${ctx.prefix}-${suffix}`, 255);
  const start = /^[a-z]/.test(name) ? name : `g-${name}`;
  return shorten(start, max);
}

function securityGroupRoles(
  env: EnvironmentPlan,
): Map<string, SecurityGroupRole> {
  const roles = new Map<string, SecurityGroupRole>();
  const lbGroups = new Set(
    (env.network.loadBalancers ?? []).flatMap(lb => lb.securityGroups ?? []),
  );
  const dataPorts = new Set<number>([
    ...(env.data?.databases ?? []).map(d => enginePort(d.engine, d.port)),
    ...(env.data?.caches ?? []).map(c => enginePort(c.engine)),
  ]);
  const opensDataPort = (sg: SecurityGroup) =>
    sg.ingress.some(rule => {
      if (typeof rule.ports === 'number') return dataPorts.has(rule.ports);
      return false;
    });
  for (const sg of env.network.securityGroups ?? []) {
    if (lbGroups.has(sg.name)) roles.set(sg.name, 'load-balancer');
    else if (dataPorts.size && opensDataPort(sg)) roles.set(sg.name, 'data');
    else roles.set(sg.name, 'workload');
  }
  return roles;
}

export function createRenderContext(
  options: RenderEnvironmentOptions,
): RenderContext {
  const { plan, environment } = options;
  const env = plan.spec.environments[environment];
  if (!env) {
    const known = Object.keys(plan.spec.environments).join(', ');
    throw new Error(
      `The plan of ${plan.metadata.service} has no environment "${environment}" (it has ${known})`,
    );
  }
  const loadBalancing = options.loadBalancing ?? 'ingress';
  // Callers outside TypeScript (scaffolder input, HTTP bodies) can pass anything.
  if (!LOAD_BALANCING.includes(loadBalancing)) {
    throw new Error(
      `loadBalancing must be one of ${LOAD_BALANCING.join(
        ', ',
      )} (got "${loadBalancing}")`,
    );
  }
  const service = plan.metadata.service;
  const prefix = dnsLabel(`${service}-${environment}`);
  const stateBucket =
    options.stateBackend?.bucket ??
    shorten(dnsLabel(`${service}-tfstate-${env.region}`), 63);
  const securityPlan = env.security;
  return {
    plan,
    envName: environment,
    env,
    service,
    serviceRef: options.serviceRef ?? `component:default/${service}`,
    namespace: dnsLabel(service),
    clusterName: env.compute.cluster.name ?? prefix,
    prefix,
    repositoryUrl: options.repositoryUrl,
    repository: options.repository,
    change: options.change,
    stateBackend: {
      bucket: stateBucket,
      key:
        options.stateBackend?.key ??
        `${service}/${environment}/terraform.tfstate`,
      region: options.stateBackend?.region ?? env.region,
      dynamodbTable:
        options.stateBackend?.dynamodbTable ?? `${stateBucket}-locks`,
    },
    clusterRef: options.clusterRef,
    drRegion: env.disasterRecovery?.drRegion,
    customerManagedKey:
      securityPlan?.encryption?.atRest.enabled === true &&
      securityPlan.encryption.atRest.keyManagement === 'customer-managed',
    inTransitEncryption: securityPlan?.encryption?.inTransit.enabled === true,
    securityGroupRoles: securityGroupRoles(env),
    loadBalancing,
    header: `Generated by Gatehouse from infra-plan.yaml: ${service}, environment ${environment}${
      plan.metadata.revision ? `, plan revision ${plan.metadata.revision}` : ''
    }. Do not edit: change the plan and regenerate.`,
  };
}

/** Workloads a load balancer routes to: its `targets` and every workload exposed through it. */
export function loadBalancerTargets(
  env: EnvironmentPlan,
  lbName: string,
): Workload[] {
  const lb = env.network.loadBalancers?.find(l => l.name === lbName);
  const names = new Set(lb?.targets ?? []);
  return env.workloads.filter(
    w => names.has(w.name) || w.expose?.loadBalancer === lbName,
  );
}

/** The load balancer a workload receives traffic from, if any. */
export function loadBalancerOf(
  env: EnvironmentPlan,
  workload: Workload,
): string | undefined {
  if (workload.expose) return workload.expose.loadBalancer;
  return env.network.loadBalancers?.find(lb =>
    lb.targets?.includes(workload.name),
  )?.name;
}

/** The container port a workload is exposed on (by name or number), else its first port. */
export function exposedPort(
  workload: Workload,
): { name?: string; containerPort: number; servicePort: number } | undefined {
  const ports = workload.ports ?? [];
  const wanted = workload.expose?.port;
  const port =
    (wanted === undefined
      ? undefined
      : ports.find(p => p.name === wanted || p.containerPort === wanted)) ??
    ports[0];
  if (!port) return undefined;
  return {
    name: port.name,
    containerPort: port.containerPort,
    servicePort: port.servicePort ?? port.containerPort,
  };
}

/** Subnet tier holding databases and caches: `database` when the plan has it, else `private`. */
export function dataSubnetTier(env: EnvironmentPlan): 'database' | 'private' {
  return env.network.subnets.database?.length ? 'database' : 'private';
}
