/**
 * Tier presets: a sensible environment section for development, staging or
 * production, after the reference environment specification (development:
 * t3.small ×2, single-AZ database; staging: t3.medium ×3, multi-AZ database;
 * production: t3.large/t3.xlarge ×6, multi-AZ with replicas, 30-day
 * backups, RPO 1h / RTO 4h). Every preset validates with zero errors.
 *
 * Each section builds its own part (`sections/<section>/preset.ts`) from
 * the tier and the options resolved here.
 */
import {
  DeliveryStrategy,
  EnvironmentPlan,
  InfraPlan,
  PLAN_API_VERSION,
  PLAN_KIND,
  Tier,
  TIERS,
} from './schema';
import { presetBudget } from './sections/budget/preset';
import {
  defaultKubernetesVersion,
  presetCompute,
} from './sections/compute/preset';
import { dataStoreNames, presetDataStores } from './sections/dataStores/preset';
import { presetDelivery } from './sections/delivery/preset';
import { presetDisasterRecovery } from './sections/disasterRecovery/preset';
import { presetNetwork, presetVpcCidr } from './sections/network/preset';
import { presetObservability } from './sections/observability/preset';
import { presetSecurity } from './sections/security/preset';
import { presetMetadata } from './sections/service/preset';
import type { PresetContext } from './sections/shared/presetContext';
import { presetSlos } from './sections/slos/preset';
import { presetWorkload } from './sections/workloads/preset';

/** Options for {@link presetFor}. @public */
export interface PresetOptions {
  /** AWS region; default us-east-1. */
  region?: string;
  /** VPC block (prefix /16 to /20); default 10.10/10.20/10.30.0.0/16 by tier. */
  vpcCidr?: string;
  /** Whether to add a PostgreSQL database (default true). */
  database?: boolean;
  /** Whether to add a Redis cache (default false). */
  cache?: boolean;
  /** Whether to add an S3 bucket (default false). */
  objectStorage?: boolean;
  /** Delivery strategy (default rolling). */
  delivery?: DeliveryStrategy;
  /** The main workload (default: a service named `app` on port 8080). */
  workload?: {
    name?: string;
    image?: string;
    port?: number;
    /** Public host name for the load balancer rule. */
    host?: string;
  };
  /** DR region for production (default us-west-2, or us-east-1 from a us-west region). */
  drRegion?: string;
  /**
   * The day the plan is made for: the cluster gets the newest Kubernetes
   * version in EKS standard support on it. Callers pass the current date;
   * when omitted it is the moment of the call.
   */
  asOf?: Date;
}

/** The sizing label of each tier's environment. */
const ENVIRONMENT_SIZE: Record<Tier, EnvironmentPlan['size']> = {
  development: 'small',
  staging: 'medium',
  production: 'large',
};

/**
 * The options with their defaults applied. Throws for a VPC block the
 * network preset cannot carve, and for a day before any Kubernetes release.
 */
function resolveOptions(tier: Tier, options: PresetOptions): PresetContext {
  const region = options.region ?? 'us-east-1';
  return {
    tier,
    region,
    vpcCidr: presetVpcCidr(tier, options.vpcCidr),
    drRegion:
      options.drRegion ??
      (region.startsWith('us-west') ? 'us-east-1' : 'us-west-2'),
    kubernetesVersion: defaultKubernetesVersion(options.asOf ?? new Date()),
    workload: {
      name: options.workload?.name ?? 'app',
      port: options.workload?.port ?? 8080,
      image: options.workload?.image,
      host: options.workload?.host,
    },
    database: options.database ?? true,
    cache: !!options.cache,
    objectStorage: !!options.objectStorage,
    delivery: options.delivery ?? 'rolling',
  };
}

/**
 * A complete environment section for a tier, parameterised by region, the
 * data stores wanted and the delivery strategy.
 * @public
 */
export function presetFor(
  tier: Tier,
  options: PresetOptions = {},
): EnvironmentPlan {
  if (!TIERS.includes(tier)) throw new Error(`Unknown tier ${tier}`);
  const ctx = resolveOptions(tier, options);
  const data = presetDataStores(ctx);
  return {
    tier,
    region: ctx.region,
    size: ENVIRONMENT_SIZE[tier],
    network: presetNetwork(ctx),
    compute: presetCompute(ctx),
    workloads: [presetWorkload(ctx, dataStoreNames(data))],
    ...(data ? { data } : {}),
    delivery: presetDelivery(ctx),
    observability: presetObservability(ctx),
    // Development may omit these sections (see the tier requirements).
    ...(tier === 'development'
      ? {}
      : {
          security: presetSecurity(ctx),
          slos: presetSlos(ctx),
          disasterRecovery: presetDisasterRecovery(ctx),
        }),
    budget: presetBudget(ctx),
  };
}

/** Metadata and options for {@link presetPlan}. @public */
export interface PresetPlanOptions extends Omit<PresetOptions, 'vpcCidr'> {
  service: string;
  owner: string;
  system?: string;
  /** Tiers to include, each as an environment of the same name (default all three). */
  tiers?: Tier[];
}

/**
 * A whole plan with one preset environment per tier (development,
 * staging, production by default), each with its own default VPC block.
 * @public
 */
export function presetPlan(options: PresetPlanOptions): InfraPlan {
  const { service, owner, system, tiers = [...TIERS], ...preset } = options;
  const region = preset.region ?? 'us-east-1';
  // One date for every tier, so they get the same Kubernetes version.
  const asOf = preset.asOf ?? new Date();
  const environments: Record<string, EnvironmentPlan> = {};
  for (const tier of tiers) {
    environments[tier] = presetFor(tier, { ...preset, asOf });
  }
  const drRegions = Object.values(environments)
    .map(env => env.disasterRecovery?.drRegion)
    .filter((r): r is string => !!r && r !== region);
  return {
    apiVersion: PLAN_API_VERSION,
    kind: PLAN_KIND,
    metadata: presetMetadata({ service, owner, system }),
    spec: {
      provider: 'aws',
      regions: [region, ...new Set(drRegions)],
      environments,
    },
  };
}

/** Options for {@link presetEnvironmentPlan}. @public */
export interface PresetEnvironmentPlanOptions extends PresetOptions {
  service: string;
  owner: string;
  system?: string;
  /** The environment's name (a DNS label such as `staging` or `perf-test`). */
  environment: string;
  tier: Tier;
}

/**
 * A plan with one preset environment under a chosen name: what the "new
 * environment" template builds from its form, in the browser (to validate
 * and price it as the user types) and in the backend (to render it).
 * @public
 */
export function presetEnvironmentPlan(
  options: PresetEnvironmentPlanOptions,
): InfraPlan {
  const { service, owner, system, environment, tier, ...preset } = options;
  const env = presetFor(tier, preset);
  const drRegion = env.disasterRecovery?.drRegion;
  return {
    apiVersion: PLAN_API_VERSION,
    kind: PLAN_KIND,
    metadata: presetMetadata({ service, owner, system }),
    spec: {
      provider: 'aws',
      regions: [
        env.region,
        ...(drRegion && drRegion !== env.region ? [drRegion] : []),
      ],
      environments: { [environment]: env },
    },
  };
}
