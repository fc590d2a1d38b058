/**
 * `Deployment_Architecture_Plan.json`: where everything is deployed and how
 * it is released, in a stable shape. Every key is always present; a value
 * the plan does not specify is `null`. Sizes are normalised (millicores, MiB,
 * GiB) and durations are kept as written.
 */
import type { EnvironmentPlan, InfraPlan } from '../schema';
import { TIERS } from '../schema';
import {
  SUBNET_TIERS,
  describePeer,
  describePorts,
  describeProbe,
  groupCapacity,
  kubernetesKinds,
  orderedEnvironments,
  placement,
  toMiB,
  usableAddresses,
  workloadFigures,
} from './derive';

/** Identifier of the document format. @public */
export const DEPLOYMENT_ARCHITECTURE_PLAN_SCHEMA =
  'gatehouse.io/deployment-architecture-plan/v1';

/** One data store in the deployment plan. @public */
export interface DeploymentDataStore {
  kind: 'database' | 'cache' | 'objectStorage' | 'queue';
  name: string;
  /** The Terraform resource it becomes. */
  terraformResource: string;
  engine: string | null;
  version: string | null;
  size: string | null;
  multiAz: boolean | null;
  replicas: number | null;
  backupRetention: string | null;
  pointInTimeRecovery: boolean | null;
  encrypted: boolean | null;
  usedBy: string[];
}

/** One workload in the deployment plan. @public */
export interface DeploymentWorkload {
  name: string;
  type: 'service' | 'worker';
  image: string;
  nodeGroup: string | null;
  ports: {
    name: string | null;
    containerPort: number;
    servicePort: number | null;
  }[];
  replicas: { initial: number; min: number; max: number };
  resources: {
    cpuRequestMillicores: number;
    cpuLimitMillicores: number | null;
    memoryRequestMiB: number;
    memoryLimitMiB: number | null;
    qosClass: string;
  };
  probes: {
    liveness: string | null;
    readiness: string | null;
    startup: string | null;
  };
  autoscaling: {
    minReplicas: number;
    maxReplicas: number;
    cpuUtilization: number | null;
    memoryUtilization: number | null;
    requestsPerSecond: number | null;
    queue: { name: string; messagesPerReplica: number } | null;
  } | null;
  disruptionBudget: {
    minAvailable: number | string | null;
    maxUnavailable: number | string | null;
  } | null;
  exposure: { loadBalancer: string; host: string | null; path: string } | null;
  uses: string[];
  kubernetesKinds: string[];
}

/** One environment in the deployment plan. @public */
export interface DeploymentEnvironment {
  name: string;
  tier: string;
  region: string;
  size: string | null;
  network: {
    vpcCidr: string;
    availabilityZones: string[];
    natGateways: string | null;
    flowLogs: boolean;
    subnets: {
      tier: string;
      az: string;
      cidr: string;
      usableAddresses: number | null;
    }[];
    loadBalancers: {
      name: string;
      type: string;
      scheme: string;
      subnetTier: string;
      listeners: { port: number; protocol: string; redirectToHttps: boolean }[];
      targets: string[];
      securityGroups: string[];
    }[];
    securityGroups: {
      name: string;
      rules: {
        direction: 'ingress' | 'egress';
        protocol: string;
        ports: string;
        peer: string;
      }[];
    }[];
  };
  cluster: {
    platform: 'eks';
    kubernetesVersion: string;
    endpointAccess: string | null;
    nodeGroups: {
      name: string;
      instanceTypes: string[];
      capacityType: string;
      minSize: number;
      desiredSize: number;
      maxSize: number;
      taints: string[];
      vcpu: { min: number; desired: number; max: number } | null;
      memoryGiB: { min: number; desired: number; max: number } | null;
    }[];
  };
  workloads: DeploymentWorkload[];
  dataStores: DeploymentDataStore[];
  delivery: {
    strategy: string;
    controller: 'kubernetes-deployment' | 'argo-rollouts';
    rollingUpdate: {
      maxSurge: number | string;
      maxUnavailable: number | string;
    } | null;
    blueGreen: { autoPromote: boolean; scaleDownDelay: string | null } | null;
    canarySteps: { weight: number; pause: string | null }[] | null;
    rollback: {
      automatic: boolean;
      procedure: string;
      triggers: string[];
    } | null;
    approvalsRequired: boolean;
  } | null;
  disasterRecovery: {
    rpo: string;
    rto: string;
    strategy: string;
    drRegion: string | null;
    testCadence: string;
  } | null;
  security: {
    encryptionAtRest: boolean;
    encryptionInTransit: boolean;
    minTlsVersion: string | null;
    secretsManager: string | null;
    wafRules: string[];
    compliance: string[];
  } | null;
  budgetMonthlyUsd: number | null;
}

/** The `Deployment_Architecture_Plan.json` document. @public */
export interface DeploymentArchitecturePlan {
  schema: typeof DEPLOYMENT_ARCHITECTURE_PLAN_SCHEMA;
  service: string;
  owner: string;
  system: string | null;
  revision: number | null;
  provider: string;
  regions: string[];
  /** Environment names in promotion order (development → staging → production). */
  promotionOrder: string[];
  environments: DeploymentEnvironment[];
}

function usersOf(env: EnvironmentPlan, store: string): string[] {
  return env.workloads
    .filter(
      w =>
        (w.uses ?? []).includes(store) ||
        w.autoscaling?.targets.queue?.name === store,
    )
    .map(w => w.name);
}

function dataStores(env: EnvironmentPlan): DeploymentDataStore[] {
  const d = env.data ?? {};
  const atRest = env.security?.encryption?.atRest.enabled ?? null;
  const base = {
    engine: null,
    version: null,
    size: null,
    multiAz: null,
    replicas: null,
    backupRetention: null,
    pointInTimeRecovery: null,
  };
  return [
    ...(d.databases ?? []).map(db => ({
      ...base,
      kind: 'database' as const,
      name: db.name,
      terraformResource: db.engine.startsWith('aurora')
        ? 'aws_rds_cluster'
        : 'aws_db_instance',
      engine: db.engine,
      version: db.version,
      size: `${db.instanceClass}, ${db.storage.allocated}${
        db.storage.max ? ` (autoscaling to ${db.storage.max})` : ''
      }`,
      multiAz: db.multiAz,
      replicas: db.readReplicas ?? 0,
      backupRetention: db.backup?.retention ?? null,
      pointInTimeRecovery: db.backup?.pointInTimeRecovery ?? null,
      encrypted: db.encrypted ?? atRest,
      usedBy: usersOf(env, db.name),
    })),
    ...(d.caches ?? []).map(c => ({
      ...base,
      kind: 'cache' as const,
      name: c.name,
      terraformResource: 'aws_elasticache_replication_group',
      engine: c.engine,
      version: c.version,
      size: `${c.shards ?? 1} × ${c.nodeType}`,
      multiAz: c.multiAz ?? false,
      replicas: c.replicasPerShard ?? 0,
      backupRetention: c.snapshotRetention ?? null,
      encrypted: atRest,
      usedBy: usersOf(env, c.name),
    })),
    ...(d.objectStorage ?? []).map(b => ({
      ...base,
      kind: 'objectStorage' as const,
      name: b.name,
      terraformResource: 'aws_s3_bucket',
      engine: 's3',
      encrypted: b.encryption !== 'none',
      usedBy: usersOf(env, b.name),
    })),
    ...(d.queues ?? []).map(q => ({
      ...base,
      kind: 'queue' as const,
      name: q.name,
      terraformResource: 'aws_sqs_queue',
      engine: q.fifo ? 'sqs-fifo' : 'sqs',
      backupRetention: q.retention ?? null,
      encrypted: atRest,
      usedBy: usersOf(env, q.name),
    })),
  ];
}

function environment(
  name: string,
  env: EnvironmentPlan,
): DeploymentEnvironment {
  const net = env.network;
  const del = env.delivery;
  const dr = env.disasterRecovery;
  const sec = env.security;
  return {
    name,
    tier: env.tier,
    region: env.region,
    size: env.size ?? null,
    network: {
      vpcCidr: net.vpc.cidr,
      availabilityZones: [...net.vpc.availabilityZones],
      natGateways: net.vpc.natGateways ?? null,
      flowLogs: net.vpc.flowLogs ?? false,
      subnets: SUBNET_TIERS.flatMap(tier =>
        (net.subnets[tier] ?? []).map(s => ({
          tier,
          az: s.az,
          cidr: s.cidr,
          usableAddresses: usableAddresses(s.cidr),
        })),
      ),
      loadBalancers: (net.loadBalancers ?? []).map(lb => ({
        name: lb.name,
        type: lb.type,
        scheme: lb.scheme,
        subnetTier:
          lb.subnets ??
          (lb.scheme === 'internet-facing' ? 'public' : 'private'),
        listeners: lb.listeners.map(l => ({
          port: l.port,
          protocol: l.protocol,
          redirectToHttps: l.redirectToHttps ?? false,
        })),
        targets: [
          ...new Set([
            ...(lb.targets ?? []),
            ...env.workloads
              .filter(w => w.expose?.loadBalancer === lb.name)
              .map(w => w.name),
          ]),
        ],
        securityGroups: lb.securityGroups ?? [],
      })),
      securityGroups: (net.securityGroups ?? []).map(g => ({
        name: g.name,
        rules: (['ingress', 'egress'] as const).flatMap(direction =>
          (g[direction] ?? []).map(r => ({
            direction,
            protocol: r.protocol,
            ports: describePorts(r.protocol, r.ports),
            peer: describePeer(r),
          })),
        ),
      })),
    },
    cluster: {
      platform: 'eks',
      kubernetesVersion: env.compute.cluster.kubernetesVersion,
      endpointAccess: env.compute.cluster.endpointAccess ?? null,
      nodeGroups: env.compute.nodeGroups.map(g => {
        const cap = groupCapacity(g);
        return {
          name: g.name,
          instanceTypes: [...g.instanceTypes],
          capacityType: g.capacityType ?? 'on-demand',
          minSize: g.minSize,
          desiredSize: g.desiredSize,
          maxSize: g.maxSize,
          taints: (g.taints ?? []).map(
            t => `${t.key}=${t.value ?? ''}:${t.effect}`,
          ),
          vcpu: cap ? cap.vcpu : null,
          memoryGiB: cap ? cap.memoryGiB : null,
        };
      }),
    },
    workloads: env.workloads.map(w => {
      const f = workloadFigures(w);
      const hpa = w.autoscaling;
      return {
        name: w.name,
        type: w.type,
        image: w.image,
        nodeGroup: placement(env, w),
        ports: (w.ports ?? []).map(p => ({
          name: p.name ?? null,
          containerPort: p.containerPort,
          servicePort:
            w.type === 'service' ? p.servicePort ?? p.containerPort : null,
        })),
        replicas: {
          initial: w.replicas,
          min: f.minReplicas,
          max: f.maxReplicas,
        },
        resources: {
          cpuRequestMillicores: f.cpuRequest,
          cpuLimitMillicores: f.cpuLimit,
          memoryRequestMiB: toMiB(f.memoryRequest),
          memoryLimitMiB: f.memoryLimit === null ? null : toMiB(f.memoryLimit),
          qosClass: f.qosClass,
        },
        probes: {
          liveness: describeProbe(w.probes?.liveness),
          readiness: describeProbe(w.probes?.readiness),
          startup: describeProbe(w.probes?.startup),
        },
        autoscaling: hpa
          ? {
              minReplicas: hpa.minReplicas,
              maxReplicas: hpa.maxReplicas,
              cpuUtilization: hpa.targets.cpuUtilization ?? null,
              memoryUtilization: hpa.targets.memoryUtilization ?? null,
              requestsPerSecond: hpa.targets.requestsPerSecond ?? null,
              queue: hpa.targets.queue ? { ...hpa.targets.queue } : null,
            }
          : null,
        disruptionBudget: w.disruptionBudget
          ? {
              minAvailable: w.disruptionBudget.minAvailable ?? null,
              maxUnavailable: w.disruptionBudget.maxUnavailable ?? null,
            }
          : null,
        exposure: w.expose
          ? {
              loadBalancer: w.expose.loadBalancer,
              host: w.expose.host ?? null,
              path: w.expose.path ?? '/',
            }
          : null,
        uses: [...(w.uses ?? [])],
        kubernetesKinds: kubernetesKinds(env, w),
      };
    }),
    dataStores: dataStores(env),
    delivery: del
      ? {
          strategy: del.strategy,
          controller:
            del.strategy === 'rolling'
              ? 'kubernetes-deployment'
              : 'argo-rollouts',
          rollingUpdate:
            del.strategy === 'rolling'
              ? del.rolling ?? { maxSurge: '25%', maxUnavailable: '25%' }
              : null,
          blueGreen:
            del.strategy === 'blue-green'
              ? {
                  autoPromote: del.blueGreen?.autoPromote ?? false,
                  scaleDownDelay: del.blueGreen?.scaleDownDelay ?? null,
                }
              : null,
          canarySteps:
            del.strategy === 'canary'
              ? (del.canary?.steps ?? []).map(s => ({
                  weight: s.weight,
                  pause: s.pause ?? null,
                }))
              : null,
          rollback: del.rollback
            ? {
                automatic: del.rollback.automatic ?? false,
                procedure: del.rollback.procedure,
                triggers: del.rollback.triggers ?? [],
              }
            : null,
          approvalsRequired: del.approvals?.required ?? false,
        }
      : null,
    disasterRecovery: dr
      ? {
          rpo: dr.rpo,
          rto: dr.rto,
          strategy: dr.strategy,
          drRegion: dr.drRegion ?? null,
          testCadence: dr.testCadence,
        }
      : null,
    security: sec
      ? {
          encryptionAtRest: sec.encryption?.atRest.enabled ?? false,
          encryptionInTransit: sec.encryption?.inTransit.enabled ?? false,
          minTlsVersion: sec.encryption?.inTransit.minTlsVersion ?? null,
          secretsManager: sec.secrets?.manager ?? null,
          wafRules: sec.waf?.enabled
            ? (sec.waf.rules ?? []).map(r => r.name)
            : [],
          compliance: sec.compliance ?? [],
        }
      : null,
    budgetMonthlyUsd: env.budget?.monthlyUsd ?? null,
  };
}

/**
 * Builds the `Deployment_Architecture_Plan.json` document as an object.
 * @public
 */
export function buildDeploymentArchitecturePlan(
  plan: InfraPlan,
): DeploymentArchitecturePlan {
  const envs = orderedEnvironments(plan);
  return {
    schema: DEPLOYMENT_ARCHITECTURE_PLAN_SCHEMA,
    service: plan.metadata.service,
    owner: plan.metadata.owner,
    system: plan.metadata.system ?? null,
    revision: plan.metadata.revision ?? null,
    provider: plan.spec.provider,
    regions: [...plan.spec.regions],
    promotionOrder: envs
      .filter(([, e]) => TIERS.includes(e.tier))
      .map(([n]) => n),
    environments: envs.map(([name, env]) => environment(name, env)),
  };
}

/**
 * Renders `Deployment_Architecture_Plan.json` (two-space indented, trailing newline).
 * @public
 */
export function renderDeploymentArchitecturePlan(plan: InfraPlan): string {
  return `${JSON.stringify(buildDeploymentArchitecturePlan(plan), null, 2)}\n`;
}
