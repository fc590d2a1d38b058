/**
 * `Deployment_Architecture_Plan.json`: where everything is deployed and how
 * it is released, in a stable shape. Every key is always present; a value
 * the plan does not specify is `null`. Sizes are normalised (millicores, MiB,
 * GiB) and durations are kept as written.
 *
 * The types below are the document's format; each section fills its part
 * (`sections/<section>/document.ts`).
 */
import type { EnvironmentPlan, InfraPlan } from '../schema';
import { TIERS } from '../schema';
import { bucketDeploymentStores } from '../sections/buckets/document';
import { cacheDeploymentStores } from '../sections/caches/document';
import { clusterDeployment } from '../sections/compute/document';
import { databaseDeploymentStores } from '../sections/databases/document';
import { deliveryDeployment } from '../sections/delivery/document';
import { disasterRecoveryDeployment } from '../sections/disasterRecovery/document';
import { networkDeployment } from '../sections/network/document';
import { queueDeploymentStores } from '../sections/queues/document';
import { securityDeployment } from '../sections/security/document';
import { workloadsDeployment } from '../sections/workloads/document';
import { orderedEnvironments } from './derive';

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

function environment(
  name: string,
  env: EnvironmentPlan,
): DeploymentEnvironment {
  return {
    name,
    tier: env.tier,
    region: env.region,
    size: env.size ?? null,
    network: networkDeployment(env),
    cluster: clusterDeployment(env),
    workloads: workloadsDeployment(env),
    dataStores: [
      ...databaseDeploymentStores(env),
      ...cacheDeploymentStores(env),
      ...bucketDeploymentStores(env),
      ...queueDeploymentStores(env),
    ],
    delivery: deliveryDeployment(env),
    disasterRecovery: disasterRecoveryDeployment(env),
    security: securityDeployment(env),
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
