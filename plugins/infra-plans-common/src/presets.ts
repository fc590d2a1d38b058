/**
 * Tier presets: a sensible environment section for development, staging or
 * production, after the reference environment specification (development:
 * t3.small ×2, single-AZ database; staging: t3.medium ×3, multi-AZ database;
 * production: t3.large/t3.xlarge ×6, multi-AZ with replicas, 30-day
 * backups, RPO 1h / RTO 4h). Every preset validates with zero errors.
 */
import { carveSubnet } from './cidr';
import {
  DeliveryPlan,
  DeliveryStrategy,
  EnvironmentPlan,
  InfraPlan,
  PLAN_API_VERSION,
  PLAN_KIND,
  Subnet,
  Tier,
  TIERS,
  Workload,
} from './schema';
import { supportCalendar } from './support/calendar';
import { isoDay, newestInStandardSupport, phaseOn } from './support/lifecycle';

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

interface TierSizing {
  size: 'small' | 'medium' | 'large';
  azs: number;
  instanceTypes: string[];
  nodes: { min: number; desired: number; max: number };
  replicas: number;
  hpa?: { min: number; max: number };
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
  db: {
    instanceClass: string;
    storage: string;
    maxStorage: string;
    multiAz: boolean;
    replicas: number;
    retention: string;
  };
  cache: { nodeType: string; replicas: number };
  budget: number;
  logRetention: string;
}

const SIZING: Record<Tier, TierSizing> = {
  development: {
    size: 'small',
    azs: 2,
    instanceTypes: ['t3.small'],
    nodes: { min: 1, desired: 2, max: 3 },
    replicas: 1,
    requests: { cpu: '100m', memory: '128Mi' },
    limits: { cpu: '500m', memory: '512Mi' },
    db: {
      instanceClass: 'db.t4g.micro',
      storage: '20Gi',
      maxStorage: '50Gi',
      multiAz: false,
      replicas: 0,
      retention: '1d',
    },
    cache: { nodeType: 'cache.t4g.micro', replicas: 0 },
    budget: 400,
    logRetention: '7d',
  },
  staging: {
    size: 'medium',
    azs: 3,
    instanceTypes: ['t3.medium'],
    nodes: { min: 2, desired: 3, max: 6 },
    replicas: 2,
    hpa: { min: 2, max: 6 },
    requests: { cpu: '250m', memory: '256Mi' },
    limits: { cpu: '500m', memory: '512Mi' },
    db: {
      instanceClass: 'db.t4g.medium',
      storage: '50Gi',
      maxStorage: '200Gi',
      multiAz: true,
      replicas: 0,
      retention: '7d',
    },
    cache: { nodeType: 'cache.t4g.small', replicas: 1 },
    budget: 1500,
    logRetention: '14d',
  },
  production: {
    size: 'large',
    azs: 3,
    instanceTypes: ['t3.large', 't3.xlarge'],
    nodes: { min: 3, desired: 6, max: 20 },
    replicas: 3,
    hpa: { min: 3, max: 30 },
    requests: { cpu: '500m', memory: '512Mi' },
    limits: { cpu: '1', memory: '1Gi' },
    db: {
      instanceClass: 'db.r6g.large',
      storage: '100Gi',
      maxStorage: '500Gi',
      multiAz: true,
      replicas: 1,
      retention: '30d',
    },
    cache: { nodeType: 'cache.r6g.large', replicas: 1 },
    budget: 8000,
    logRetention: '30d',
  },
};

const DEFAULT_VPC: Record<Tier, string> = {
  development: '10.10.0.0/16',
  staging: '10.20.0.0/16',
  production: '10.30.0.0/16',
};

/**
 * Subnets carved from a VPC of prefix p: the VPC splits into 16 blocks of
 * p+4; private subnets take blocks 1, 2, 3…; block 0 splits again into p+8
 * public subnets 1, 2, 3…; block 8 into p+8 database subnets 0, 1, 2…
 * For a /16: public 10.x.1-3.0/24, private 10.x.16/32/48.0/20, database
 * 10.x.128-130.0/24.
 */
function carveSubnets(vpc: string, azs: string[], database: boolean) {
  const prefix = Number(vpc.split('/')[1]);
  const publicBlock = carveSubnet(vpc, prefix + 4, 0);
  const databaseBlock = carveSubnet(vpc, prefix + 4, 8);
  const make = (f: (i: number) => string): Subnet[] =>
    azs.map((az, i) => ({ az, cidr: f(i) }));
  return {
    public: make(i => carveSubnet(publicBlock, prefix + 8, i + 1)),
    private: make(i => carveSubnet(vpc, prefix + 4, i + 1)),
    ...(database
      ? { database: make(i => carveSubnet(databaseBlock, prefix + 8, i)) }
      : {}),
  };
}

const ROLLBACK_PROCEDURES: Record<DeliveryStrategy, string> = {
  rolling:
    'kubectl rollout undo deployment/<workload> (or redeploy the previous image tag), then confirm the error rate is back under the SLO',
  'blue-green':
    'switch the active service back to the previous (blue) ReplicaSet with kubectl argo rollouts undo; the old version keeps running until scaleDownDelay',
  canary:
    'abort the rollout (kubectl argo rollouts abort) to send all traffic back to the stable version; automatic on failed analysis',
};

function deliveryFor(strategy: DeliveryStrategy, tier: Tier): DeliveryPlan {
  const rollback = {
    automatic: strategy !== 'rolling',
    procedure: ROLLBACK_PROCEDURES[strategy],
    triggers: [
      'error rate above the SLO for 5 minutes',
      'p95 latency above the SLO for 10 minutes',
    ],
  };
  const approvals =
    tier === 'production' ? { approvals: { required: true } } : {};
  switch (strategy) {
    case 'blue-green':
      return {
        strategy,
        blueGreen: {
          autoPromote: tier !== 'production',
          scaleDownDelay: '10m',
        },
        rollback,
        ...approvals,
      };
    case 'canary':
      return {
        strategy,
        canary: {
          steps: [
            { weight: 10, pause: '5m' },
            { weight: 25, pause: '10m' },
            { weight: 50, pause: '10m' },
          ],
          analysis: { successRate: 99, maxLatencyP95: '300ms', interval: '1m' },
        },
        rollback,
        ...approvals,
      };
    default:
      return {
        strategy: 'rolling',
        rolling: { maxSurge: 1, maxUnavailable: 0 },
        rollback,
        ...approvals,
      };
  }
}

/**
 * The newest Kubernetes version in EKS standard support on a day. When the
 * calendar has run out (nobody added the newer versions), the newest
 * released one: the preset still works and validation reports it.
 */
function defaultKubernetesVersion(asOf: Date): string {
  const newest =
    newestInStandardSupport('eks', asOf) ??
    [...supportCalendar.eks]
      .reverse()
      .find(entry => phaseOn('eks', entry, asOf) !== 'unreleased');
  if (!newest) {
    throw new Error(
      `No Kubernetes version on the EKS support calendar is released on ${isoDay(
        asOf,
      )}`,
    );
  }
  return newest.version;
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
  const s = SIZING[tier];
  const region = options.region ?? 'us-east-1';
  const vpc = options.vpcCidr ?? DEFAULT_VPC[tier];
  const vpcPrefix = Number(vpc.split('/')[1]);
  if (!(vpcPrefix >= 16 && vpcPrefix <= 20)) {
    throw new Error(
      `presetFor needs a VPC block between /16 and /20, got ${vpc}`,
    );
  }
  const wantDb = options.database ?? true;
  const azs = ['a', 'b', 'c']
    .slice(0, s.azs)
    .map(letter => `${region}${letter}`);
  const name = options.workload?.name ?? 'app';
  const port = options.workload?.port ?? 8080;
  const drRegion =
    options.drRegion ??
    (region.startsWith('us-west') ? 'us-east-1' : 'us-west-2');
  const production = tier === 'production';
  const kubernetesVersion = defaultKubernetesVersion(
    options.asOf ?? new Date(),
  );
  const uses: string[] = [];

  const data: EnvironmentPlan['data'] = {};
  if (wantDb) {
    uses.push('main');
    data.databases = [
      {
        name: 'main',
        engine: 'postgres',
        version: '15.4',
        instanceClass: s.db.instanceClass,
        storage: { allocated: s.db.storage, max: s.db.maxStorage, type: 'gp3' },
        multiAz: s.db.multiAz,
        ...(s.db.replicas ? { readReplicas: s.db.replicas } : {}),
        backup: {
          retention: s.db.retention,
          window: '03:00-04:00',
          pointInTimeRecovery: true,
        },
        maintenanceWindow: 'sun:04:00-sun:05:00',
        encrypted: true,
        deletionProtection: tier !== 'development',
      },
    ];
  }
  if (options.cache) {
    uses.push('cache');
    data.caches = [
      {
        name: 'cache',
        engine: 'redis',
        version: '7.0',
        nodeType: s.cache.nodeType,
        replicasPerShard: s.cache.replicas,
        multiAz: s.cache.replicas > 0,
        ...(tier === 'development' ? {} : { snapshotRetention: '1d' }),
        evictionPolicy: 'allkeys-lru',
      },
    ];
  }
  if (options.objectStorage) {
    uses.push('assets');
    data.objectStorage = [
      {
        name: 'assets',
        versioning: tier !== 'development',
        encryption: 'aes256',
        lifecycle: [
          {
            name: 'tiering',
            transitions: [
              { after: '30d', storageClass: 'STANDARD_IA' },
              { after: '90d', storageClass: 'GLACIER' },
            ],
            ...(production ? {} : { expiration: '365d' }),
          },
        ],
        ...(production ? { replication: { region: drRegion } } : {}),
      },
    ];
  }

  const workload: Workload = {
    name,
    type: 'service',
    image: options.workload?.image ?? `ghcr.io/gatehouse/${name}:0.1.0`,
    ports: [{ name: 'http', containerPort: port, servicePort: 80 }],
    replicas: s.replicas,
    nodeGroup: 'general',
    resources: { requests: { ...s.requests }, limits: { ...s.limits } },
    probes: {
      liveness: {
        http: { path: '/health', port: 'http' },
        initialDelay: '10s',
        period: '10s',
      },
      readiness: {
        http: { path: '/ready', port: 'http' },
        initialDelay: '5s',
        period: '5s',
      },
    },
    ...(s.hpa
      ? {
          autoscaling: {
            minReplicas: s.hpa.min,
            maxReplicas: s.hpa.max,
            targets: { cpuUtilization: 70, memoryUtilization: 80 },
            behavior: {
              scaleUp: {
                stabilizationWindow: '60s',
                policies: [{ type: 'percent', value: 100, period: '15s' }],
              },
              scaleDown: {
                stabilizationWindow: '300s',
                policies: [{ type: 'percent', value: 10, period: '60s' }],
              },
            },
          },
          disruptionBudget: { maxUnavailable: 1 },
        }
      : {}),
    expose: {
      loadBalancer: 'public',
      ...(options.workload?.host ? { host: options.workload.host } : {}),
      path: '/',
      port: 'http',
    },
    ...(uses.length ? { uses } : {}),
    ...(tier === 'development' ? {} : { secrets: [`${name}-credentials`] }),
  };

  const env: EnvironmentPlan = {
    tier,
    region,
    size: s.size,
    network: {
      vpc: {
        cidr: vpc,
        availabilityZones: azs,
        natGateways: production ? 'one-per-az' : 'single',
        flowLogs: tier !== 'development',
      },
      subnets: carveSubnets(vpc, azs, wantDb),
      loadBalancers: [
        {
          name: 'public',
          type: 'application',
          scheme: 'internet-facing',
          listeners: [
            {
              port: 443,
              protocol: 'HTTPS',
              certificate: `${name}-${tier}-tls`,
            },
            { port: 80, protocol: 'HTTP', redirectToHttps: true },
          ],
          targets: [name],
          securityGroups: ['alb'],
        },
      ],
      securityGroups: [
        {
          name: 'alb',
          description:
            'Load balancer: HTTPS and HTTP (redirect) from the internet',
          ingress: [
            { name: 'https', protocol: 'tcp', ports: 443, cidr: '0.0.0.0/0' },
            { name: 'http', protocol: 'tcp', ports: 80, cidr: '0.0.0.0/0' },
          ],
        },
        {
          name: 'app',
          description: 'Worker nodes: application port from the load balancer',
          ingress: [
            {
              name: 'from-alb',
              protocol: 'tcp',
              ports: port,
              securityGroup: 'alb',
            },
          ],
        },
        ...(wantDb || options.cache
          ? [
              {
                name: 'data',
                description:
                  'Databases and caches: reachable from the application only',
                ingress: [
                  ...(wantDb
                    ? [
                        {
                          name: 'postgres',
                          protocol: 'tcp' as const,
                          ports: 5432,
                          securityGroup: 'app',
                        },
                      ]
                    : []),
                  ...(options.cache
                    ? [
                        {
                          name: 'redis',
                          protocol: 'tcp' as const,
                          ports: 6379,
                          securityGroup: 'app',
                        },
                      ]
                    : []),
                ],
              },
            ]
          : []),
      ],
    },
    compute: {
      cluster: {
        kubernetesVersion,
        endpointAccess: production ? 'private' : 'public-and-private',
      },
      nodeGroups: [
        {
          name: 'general',
          instanceTypes: [...s.instanceTypes],
          capacityType: 'on-demand',
          minSize: s.nodes.min,
          desiredSize: s.nodes.desired,
          maxSize: s.nodes.max,
          diskSize: '50Gi',
          maxUnavailable: tier === 'development' ? 1 : '25%',
        },
      ],
    },
    workloads: [workload],
    ...(Object.keys(data).length ? { data } : {}),
    delivery: deliveryFor(options.delivery ?? 'rolling', tier),
    observability: {
      metrics: {
        provider: 'prometheus',
        scrapeInterval: '15s',
        retention: production ? '30d' : '15d',
      },
      logs: { provider: 'cloudwatch', retention: s.logRetention },
      ...(tier === 'development'
        ? {}
        : {
            tracing: {
              provider: 'opentelemetry',
              sampleRate: production ? 0.1 : 0.5,
            },
            alerts: [
              {
                name: 'high-error-rate',
                signal: 'error-rate',
                threshold: 1,
                for: '5m',
                severity: 'critical',
                workload: name,
              },
              {
                name: 'slow-responses',
                signal: 'latency-p95',
                threshold: '300ms',
                for: '10m',
                severity: production ? 'critical' : 'warning',
                workload: name,
              },
              {
                name: 'cpu-saturation',
                signal: 'cpu',
                threshold: 85,
                for: '15m',
                severity: 'warning',
                workload: name,
              },
            ],
          }),
    },
    ...(tier === 'development'
      ? {}
      : {
          security: {
            encryption: {
              atRest: {
                enabled: true,
                keyManagement: production ? 'customer-managed' : 'aws-managed',
              },
              inTransit: {
                enabled: true,
                minTlsVersion: production ? '1.3' : '1.2',
              },
            },
            secrets: {
              manager: 'aws-secrets-manager',
              rotation: '30d',
              items: [
                {
                  name: `${name}-credentials`,
                  description: 'Database and third-party credentials',
                },
              ],
            },
            waf: {
              enabled: true,
              rules: [
                {
                  name: 'rate-limit',
                  priority: 1,
                  action: 'block',
                  type: 'rate-limit',
                  limit: 2000,
                },
                {
                  name: 'common',
                  priority: 2,
                  action: 'block',
                  type: 'managed',
                  managedRuleGroup: 'AWSManagedRulesCommonRuleSet',
                },
                {
                  name: 'sqli',
                  priority: 3,
                  action: 'block',
                  type: 'managed',
                  managedRuleGroup: 'AWSManagedRulesSQLiRuleSet',
                },
              ],
            },
            ...(production ? { compliance: ['SOC2'] } : {}),
            networkPolicy: { defaultDeny: true },
            podSecurity: 'restricted',
          },
          slos: {
            availability: production ? 99.9 : 99.5,
            latencyP95: '300ms',
            ...(production ? { latencyP99: '1s', throughputRps: 500 } : {}),
            errorRate: 1,
            window: '30d',
          },
          disasterRecovery: production
            ? {
                rpo: '1h',
                rto: '4h',
                // What the generated repository builds: backups (and bucket
                // replicas) in the DR region, no standby capacity there.
                strategy: 'backup-restore',
                drRegion,
                // Only RDS backups are copied across regions (by the
                // generated repository); without a database there is nothing to copy.
                backups: { retention: '30d', crossRegionCopy: wantDb },
                replication: {
                  // Automated backups copied to the DR region: what the
                  // generated repository builds (a cross-region read replica
                  // would need a network there, which it does not build).
                  database: wantDb ? 'snapshot-copy' : 'none',
                  objectStorage: !!options.objectStorage,
                },
                testCadence: 'quarterly',
              }
            : {
                rpo: '24h',
                rto: '24h',
                strategy: 'backup-restore',
                testCadence: 'annual',
              },
        }),
    budget: { monthlyUsd: s.budget, alertThresholds: [80, 100] },
  };
  return env;
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
    metadata: { service, owner, ...(system ? { system } : {}), revision: 1 },
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
    metadata: { service, owner, ...(system ? { system } : {}), revision: 1 },
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
