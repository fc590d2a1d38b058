/**
 * The infrastructure plan format (`infra-plan.yaml`), as zod schemas and the
 * TypeScript types inferred from them.
 *
 * The schema checks shape and units; the rules in `validate/` check meaning
 * (CIDR arithmetic, sizing bounds, tier requirements). Field names follow the
 * Terraform AWS provider and Kubernetes APIs the plan is generated into, so a
 * generator maps them one to one: `network.vpc` → `aws_vpc`, `subnets.*` →
 * `aws_subnet`, `loadBalancers` → `aws_lb`, `compute.nodeGroups` →
 * `aws_eks_node_group`, `workloads[]` → Deployment/Service/HPA
 * (autoscaling/v2)/PodDisruptionBudget/Ingress or Argo Rollout,
 * `data.databases` → `aws_db_instance`, `data.caches` →
 * `aws_elasticache_replication_group`, `data.objectStorage` →
 * `aws_s3_bucket`, `data.queues` → `aws_sqs_queue`.
 */
import { z } from 'zod';
import { explainMemory, isDuration, parseCpu, parsePortRange } from './units';

/** The `apiVersion` of every plan. @public */
export const PLAN_API_VERSION = 'gatehouse.io/v1alpha1';
/** The `kind` of every plan. @public */
export const PLAN_KIND = 'InfrastructurePlan';

/** Environment tiers, from least to most demanding. @public */
export const TIERS = ['development', 'staging', 'production'] as const;

function hinted(message: string, hint: string) {
  return { message, params: { hint } };
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A Kubernetes/DNS-1123 label: lower case, digits and dashes, ≤ 63 chars. */
const dnsName = z
  .string()
  .max(63, 'names are at most 63 characters')
  .regex(
    DNS_LABEL,
    'must be lower case letters, digits and dashes, starting and ending with a letter or digit',
  );

/** Names of AWS-side objects (security groups, NACLs, rules) may also use `_`. */
const resourceName = z
  .string()
  .max(255)
  .regex(
    /^[A-Za-z0-9]([-_A-Za-z0-9.]*[A-Za-z0-9])?$/,
    'must be letters, digits, dashes, dots or underscores',
  );

const duration = z.string().superRefine((value, ctx) => {
  if (!isDuration(value)) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      ...hinted(
        `"${value}" is not a duration`,
        'write a number and a unit: 250ms, 90s, 15m, 1h, 30d, 2w (or combined: 1h30m)',
      ),
    });
  }
});

const cpuQuantity = z.union([z.number(), z.string()]).superRefine((v, ctx) => {
  if (parseCpu(v) === undefined) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      ...hinted(
        `"${v}" is not a CPU quantity`,
        'write millicores such as 250m, or cores such as 0.5 or 2',
      ),
    });
  }
});

const memoryQuantity = z
  .union([z.number(), z.string()])
  .superRefine((v, ctx) => {
    const problem = explainMemory(v);
    if (problem) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        ...hinted(`"${v}" is not a Kubernetes quantity`, problem),
      });
    }
  });

const intOrPercent = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d+%$/, 'must be a whole number or a percentage such as "25%"'),
]);

const portRange = z.union([z.number(), z.string()]).superRefine((v, ctx) => {
  if (parsePortRange(v) === undefined) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      ...hinted(
        `"${v}" is not a port or port range`,
        'write a port (443) or an inclusive range ("1024-65535") within 0–65535',
      ),
    });
  }
});

const port = z.number().int().min(1).max(65535);

/** A version written as a string (`"1.30"`, `"15.4"`): YAML turns 1.30 into 1.3. */
const version = z
  .string()
  .regex(/^\d+(\.\d+){0,2}$/, 'write a version such as "15.4"');

const timeWindow = z
  .string()
  .regex(
    /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/,
    'write a UTC window as "HH:MM-HH:MM", e.g. "03:00-04:00"',
  );

const weeklyWindow = z
  .string()
  .regex(
    /^(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d-(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d$/,
    'write a UTC weekly window as "ddd:HH:MM-ddd:HH:MM", e.g. "sun:04:00-sun:05:00"',
  );

const percent = z.number().min(0).max(100);

// ---------------------------------------------------------------- network

/** One subnet in one availability zone. @public */
export const subnetSchema = z
  .object({
    az: z.string().min(1),
    cidr: z.string().min(1),
    name: resourceName.optional(),
  })
  .strict();

/** A security group rule: a protocol, ports and exactly one source/destination. */
const securityGroupRuleSchema = z
  .object({
    name: resourceName.optional(),
    description: z.string().optional(),
    protocol: z.enum(['tcp', 'udp', 'icmp', 'all']),
    ports: portRange.optional(),
    cidr: z.string().min(1).optional(),
    securityGroup: resourceName.optional(),
    self: z.boolean().optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const peers = [rule.cidr, rule.securityGroup, rule.self].filter(
      v => v !== undefined && v !== false,
    );
    if (peers.length !== 1) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        ...hinted(
          peers.length === 0
            ? 'the rule has no peer'
            : 'the rule has more than one peer',
          'set exactly one of cidr, securityGroup or self: true (write two rules for two peers)',
        ),
      });
    }
    if ((rule.protocol === 'tcp' || rule.protocol === 'udp') && !rule.ports) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['ports'],
        ...hinted(
          `a ${rule.protocol} rule needs ports`,
          'add ports: 443 or ports: "1024-65535"',
        ),
      });
    }
  });

/** @public */
export const securityGroupSchema = z
  .object({
    name: resourceName,
    description: z.string().optional(),
    ingress: z.array(securityGroupRuleSchema),
    egress: z.array(securityGroupRuleSchema).optional(),
  })
  .strict();

const naclRuleSchema = z
  .object({
    rule: z.number().int(),
    protocol: z.enum(['tcp', 'udp', 'icmp', 'all']),
    ports: portRange.optional(),
    cidr: z.string().min(1),
    action: z.enum(['allow', 'deny']),
  })
  .strict();

/** @public */
export const naclSchema = z
  .object({
    name: resourceName,
    subnets: z.enum(['public', 'private', 'database']),
    ingress: z.array(naclRuleSchema),
    egress: z.array(naclRuleSchema).optional(),
  })
  .strict();

/** @public */
export const loadBalancerSchema = z
  .object({
    name: dnsName,
    type: z.enum(['application', 'network']),
    scheme: z.enum(['internet-facing', 'internal']),
    /** Subnet tier the load balancer sits in; defaults from the scheme. */
    subnets: z.enum(['public', 'private']).optional(),
    listeners: z
      .array(
        z
          .object({
            port,
            protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP']),
            /** ACM certificate ARN or a name the generator resolves. */
            certificate: z.string().optional(),
            redirectToHttps: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1),
    /** Names of the workloads this load balancer routes to. */
    targets: z.array(dnsName).optional(),
    securityGroups: z.array(resourceName).optional(),
    idleTimeout: duration.optional(),
  })
  .strict();

/** @public */
export const networkSchema = z
  .object({
    vpc: z
      .object({
        cidr: z.string().min(1),
        availabilityZones: z.array(z.string().min(1)).min(1),
        natGateways: z.enum(['none', 'single', 'one-per-az']).optional(),
        flowLogs: z.boolean().optional(),
      })
      .strict(),
    subnets: z
      .object({
        public: z.array(subnetSchema).optional(),
        private: z.array(subnetSchema).min(1),
        database: z.array(subnetSchema).optional(),
      })
      .strict(),
    loadBalancers: z.array(loadBalancerSchema).optional(),
    securityGroups: z.array(securityGroupSchema).optional(),
    nacls: z.array(naclSchema).optional(),
  })
  .strict();

// ---------------------------------------------------------------- compute

/** @public */
export const taintSchema = z
  .object({
    key: z.string().min(1),
    value: z.string().optional(),
    effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
  })
  .strict();

/** @public */
export const nodeGroupSchema = z
  .object({
    name: dnsName,
    instanceTypes: z
      .array(
        z
          .string()
          .regex(
            /^[a-z][a-z0-9-]*\.[a-z0-9]+$/,
            'write an EC2 instance type such as t3.large or m6i.xlarge',
          ),
      )
      .min(1),
    capacityType: z.enum(['on-demand', 'spot']).optional(),
    minSize: z.number().int().nonnegative(),
    desiredSize: z.number().int().nonnegative(),
    maxSize: z.number().int().nonnegative(),
    diskSize: memoryQuantity.optional(),
    labels: z.record(z.string()).optional(),
    taints: z.array(taintSchema).optional(),
    /** Nodes replaced at once during an upgrade (`1` or `"25%"`). */
    maxUnavailable: intOrPercent.optional(),
  })
  .strict();

/** @public */
export const computeSchema = z
  .object({
    cluster: z
      .object({
        name: dnsName.optional(),
        kubernetesVersion: z
          .string()
          .regex(/^1\.\d{1,2}$/, 'write a minor version such as "1.30"'),
        endpointAccess: z
          .enum(['public', 'private', 'public-and-private'])
          .optional(),
        addons: z.array(z.string()).optional(),
      })
      .strict(),
    nodeGroups: z.array(nodeGroupSchema).min(1),
  })
  .strict();

// ---------------------------------------------------------------- workloads

const probeSchema = z
  .object({
    http: z
      .object({
        path: z.string().startsWith('/'),
        port: z.union([port, z.string()]),
      })
      .strict()
      .optional(),
    tcp: z
      .object({ port: z.union([port, z.string()]) })
      .strict()
      .optional(),
    grpc: z.object({ port }).strict().optional(),
    exec: z
      .object({ command: z.array(z.string()).min(1) })
      .strict()
      .optional(),
    initialDelay: duration.optional(),
    period: duration.optional(),
    timeout: duration.optional(),
    failureThreshold: z.number().int().min(1).optional(),
  })
  .strict()
  .superRefine((probe, ctx) => {
    const kinds = ['http', 'tcp', 'grpc', 'exec'].filter(
      k => probe[k as keyof typeof probe] !== undefined,
    );
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        ...hinted(
          kinds.length === 0
            ? 'the probe has no check'
            : `the probe has ${kinds.length} checks (${kinds.join(', ')})`,
          'set exactly one of http: {path, port}, tcp: {port}, grpc: {port} or exec: {command}',
        ),
      });
    }
  });

const scalingRulesSchema = z
  .object({
    stabilizationWindow: duration.optional(),
    policies: z
      .array(
        z
          .object({
            type: z.enum(['percent', 'pods']),
            value: z.number().int().min(1),
            period: duration,
          })
          .strict(),
      )
      .optional(),
    selectPolicy: z.enum(['max', 'min', 'disabled']).optional(),
  })
  .strict();

/** Horizontal pod autoscaling (HorizontalPodAutoscaler autoscaling/v2). @public */
export const autoscalingSchema = z
  .object({
    minReplicas: z.number().int(),
    maxReplicas: z.number().int(),
    targets: z
      .object({
        /** Average CPU utilisation of requests, in percent. */
        cpuUtilization: z.number().optional(),
        /** Average memory utilisation of requests, in percent. */
        memoryUtilization: z.number().optional(),
        /** Requests per second per replica (ALB request count per target). */
        requestsPerSecond: z.number().positive().optional(),
        /** Queue depth: visible messages per replica of a queue in data.queues. */
        queue: z
          .object({
            name: dnsName,
            messagesPerReplica: z.number().int().min(1),
          })
          .strict()
          .optional(),
      })
      .strict(),
    behavior: z
      .object({
        scaleUp: scalingRulesSchema.optional(),
        scaleDown: scalingRulesSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const resourceAmountsSchema = z
  .object({ cpu: cpuQuantity, memory: memoryQuantity })
  .strict();

/** @public */
export const workloadSchema = z
  .object({
    name: dnsName,
    /** `service` gets a Kubernetes Service; `worker` has no inbound traffic. */
    type: z.enum(['service', 'worker']),
    description: z.string().optional(),
    image: z.string().regex(/^[^\s]+$/, 'an image reference has no spaces'),
    command: z.array(z.string()).optional(),
    ports: z
      .array(
        z
          .object({
            name: dnsName.max(15).optional(),
            containerPort: port,
            protocol: z.enum(['TCP', 'UDP']).optional(),
            /** Port of the Kubernetes Service; defaults to containerPort. */
            servicePort: port.optional(),
          })
          .strict(),
      )
      .optional(),
    replicas: z.number().int().nonnegative(),
    nodeGroup: dnsName.optional(),
    tolerations: z
      .array(
        z
          .object({
            key: z.string().min(1),
            value: z.string().optional(),
            effect: z
              .enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute'])
              .optional(),
          })
          .strict(),
      )
      .optional(),
    resources: z
      .object({
        requests: resourceAmountsSchema,
        limits: z
          .object({
            cpu: cpuQuantity.optional(),
            memory: memoryQuantity.optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    probes: z
      .object({
        liveness: probeSchema.optional(),
        readiness: probeSchema.optional(),
        startup: probeSchema.optional(),
      })
      .strict()
      .optional(),
    autoscaling: autoscalingSchema.optional(),
    disruptionBudget: z
      .object({
        minAvailable: intOrPercent.optional(),
        maxUnavailable: intOrPercent.optional(),
      })
      .strict()
      .superRefine((pdb, ctx) => {
        if (
          (pdb.minAvailable === undefined) ===
          (pdb.maxUnavailable === undefined)
        ) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            ...hinted(
              'a disruption budget sets exactly one of minAvailable and maxUnavailable',
              'keep one: maxUnavailable: 1 is the usual choice',
            ),
          });
        }
      })
      .optional(),
    /** Route traffic to this workload from a load balancer (Kubernetes Ingress). */
    expose: z
      .object({
        loadBalancer: dnsName,
        host: z.string().optional(),
        path: z.string().startsWith('/').optional(),
        port: z.union([port, z.string()]).optional(),
      })
      .strict()
      .optional(),
    /** Names of the data stores (databases, caches, buckets, queues) it uses. */
    uses: z.array(dnsName).optional(),
    /** Names of the secrets (security.secrets.items) mounted into it. */
    secrets: z.array(z.string().min(1)).optional(),
  })
  .strict();

// ---------------------------------------------------------------- data

/** @public */
export const databaseSchema = z
  .object({
    name: dnsName,
    engine: z.enum([
      'postgres',
      'mysql',
      'mariadb',
      'aurora-postgresql',
      'aurora-mysql',
    ]),
    version,
    instanceClass: z
      .string()
      .regex(
        /^db\.[a-z0-9]+\.[a-z0-9]+$/,
        'write an RDS class such as db.r6g.large',
      ),
    storage: z
      .object({
        allocated: memoryQuantity,
        max: memoryQuantity.optional(),
        type: z.enum(['gp2', 'gp3', 'io1', 'io2']).optional(),
        iops: z.number().int().positive().optional(),
      })
      .strict(),
    multiAz: z.boolean(),
    readReplicas: z.number().int().nonnegative().optional(),
    backup: z
      .object({
        retention: duration,
        /** Daily automated backup window, UTC. */
        window: timeWindow.optional(),
        /** Continuous backup of transaction logs (restore to any second). */
        pointInTimeRecovery: z.boolean().optional(),
        /** Snapshot cadence beyond the daily automated backup (e.g. AWS Backup `1h`). */
        frequency: duration.optional(),
      })
      .strict()
      .optional(),
    maintenanceWindow: weeklyWindow.optional(),
    encrypted: z.boolean().optional(),
    deletionProtection: z.boolean().optional(),
    port: port.optional(),
  })
  .strict();

/** @public */
export const cacheSchema = z
  .object({
    name: dnsName,
    engine: z.enum(['redis', 'valkey', 'memcached']),
    version,
    nodeType: z
      .string()
      .regex(
        /^cache\.[a-z0-9]+\.[a-z0-9]+$/,
        'write a node type such as cache.r6g.large',
      ),
    /** Shards (node groups); more than one means cluster mode. */
    shards: z.number().int().min(1).optional(),
    replicasPerShard: z.number().int().min(0).max(5).optional(),
    multiAz: z.boolean().optional(),
    snapshotRetention: duration.optional(),
    evictionPolicy: z.string().optional(),
  })
  .strict();

const storageClass = z.enum([
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER_IR',
  'GLACIER',
  'DEEP_ARCHIVE',
]);

/** @public */
export const bucketSchema = z
  .object({
    name: dnsName,
    versioning: z.boolean(),
    encryption: z.enum(['aes256', 'kms', 'none']),
    publicAccess: z.boolean().optional(),
    lifecycle: z
      .array(
        z
          .object({
            name: resourceName.optional(),
            prefix: z.string().optional(),
            transitions: z
              .array(z.object({ after: duration, storageClass }).strict())
              .optional(),
            expiration: duration.optional(),
            noncurrentExpiration: duration.optional(),
          })
          .strict(),
      )
      .optional(),
    replication: z
      .object({ region: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();

/** @public */
export const queueSchema = z
  .object({
    name: dnsName,
    type: z.literal('sqs'),
    fifo: z.boolean().optional(),
    visibilityTimeout: duration.optional(),
    retention: duration.optional(),
    deadLetter: z
      .object({ maxReceives: z.number().int().min(1).max(1000) })
      .strict()
      .optional(),
  })
  .strict();

/** @public */
export const dataSchema = z
  .object({
    databases: z.array(databaseSchema).optional(),
    caches: z.array(cacheSchema).optional(),
    objectStorage: z.array(bucketSchema).optional(),
    queues: z.array(queueSchema).optional(),
  })
  .strict();

// ---------------------------------------------------------------- delivery

/** @public */
export const deliverySchema = z
  .object({
    strategy: z.enum(['rolling', 'blue-green', 'canary']),
    rolling: z
      .object({ maxSurge: intOrPercent, maxUnavailable: intOrPercent })
      .strict()
      .optional(),
    blueGreen: z
      .object({
        autoPromote: z.boolean().optional(),
        scaleDownDelay: duration.optional(),
        previewReplicas: z.number().int().min(1).optional(),
      })
      .strict()
      .optional(),
    canary: z
      .object({
        steps: z
          .array(
            z
              .object({ weight: z.number().int(), pause: duration.optional() })
              .strict(),
          )
          .min(1),
        analysis: z
          .object({
            successRate: percent.optional(),
            maxLatencyP95: duration.optional(),
            interval: duration.optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    rollback: z
      .object({
        automatic: z.boolean().optional(),
        procedure: z.string().min(1),
        triggers: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    approvals: z
      .object({
        required: z.boolean(),
        approvers: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

// ---------------------------------------------------------------- observability

/** Alert signals; percentage signals take a threshold in percent, latency ones a duration. @public */
export const ALERT_SIGNALS = [
  'error-rate',
  'availability',
  'latency-p95',
  'latency-p99',
  'cpu',
  'memory',
  'disk',
  'queue-depth',
  'queue-age',
  'replication-lag',
  'custom',
] as const;

/** @public */
export const alertSchema = z
  .object({
    name: resourceName,
    signal: z.enum(ALERT_SIGNALS),
    /** Percent (error-rate, availability, cpu, memory, disk), duration (latency, queue-age, replication-lag) or a count. */
    threshold: z.union([z.number(), z.string()]),
    /** Whether the alert fires above (default) or below the threshold. */
    when: z.enum(['above', 'below']).optional(),
    for: duration.optional(),
    severity: z.enum(['critical', 'warning', 'info']),
    workload: dnsName.optional(),
    expr: z.string().optional(),
    notify: z.array(z.string()).optional(),
  })
  .strict();

/** @public */
export const observabilitySchema = z
  .object({
    metrics: z
      .object({
        provider: z.enum([
          'prometheus',
          'cloudwatch',
          'datadog',
          'grafana-cloud',
        ]),
        scrapeInterval: duration.optional(),
        retention: duration.optional(),
      })
      .strict()
      .optional(),
    logs: z
      .object({
        provider: z.enum(['cloudwatch', 'loki', 'elasticsearch', 'datadog']),
        retention: duration.optional(),
      })
      .strict()
      .optional(),
    tracing: z
      .object({
        provider: z.enum(['opentelemetry', 'xray', 'datadog']),
        sampleRate: z.number().min(0).max(1).optional(),
      })
      .strict()
      .optional(),
    alerts: z.array(alertSchema).optional(),
    dashboards: z.array(z.string()).optional(),
  })
  .strict();

// ---------------------------------------------------------------- disaster recovery

/** @public */
export const disasterRecoverySchema = z
  .object({
    rpo: duration,
    rto: duration,
    strategy: z.enum([
      'backup-restore',
      'pilot-light',
      'warm-standby',
      'active-active',
    ]),
    drRegion: z.string().min(1).optional(),
    backups: z
      .object({
        frequency: duration.optional(),
        retention: duration.optional(),
        crossRegionCopy: z.boolean().optional(),
      })
      .strict()
      .optional(),
    replication: z
      .object({
        database: z
          .enum([
            'none',
            'snapshot-copy',
            'cross-region-read-replica',
            'global-database',
          ])
          .optional(),
        objectStorage: z.boolean().optional(),
      })
      .strict()
      .optional(),
    testCadence: z.enum(['monthly', 'quarterly', 'semiannual', 'annual']),
    runbook: z.string().optional(),
  })
  .strict();

// ---------------------------------------------------------------- security

/** @public */
export const securitySchema = z
  .object({
    encryption: z
      .object({
        atRest: z
          .object({
            enabled: z.boolean(),
            keyManagement: z
              .enum(['aws-managed', 'customer-managed'])
              .optional(),
          })
          .strict(),
        inTransit: z
          .object({
            enabled: z.boolean(),
            minTlsVersion: z.enum(['1.0', '1.1', '1.2', '1.3']).optional(),
          })
          .strict(),
      })
      .strict()
      .optional(),
    secrets: z
      .object({
        manager: z.enum([
          'aws-secrets-manager',
          'ssm-parameter-store',
          'vault',
          'kubernetes',
        ]),
        rotation: duration.optional(),
        items: z
          .array(
            z
              .object({
                name: z.string().min(1),
                description: z.string().optional(),
                rotation: duration.optional(),
              })
              .strict(),
          )
          .optional(),
      })
      .strict()
      .optional(),
    waf: z
      .object({
        enabled: z.boolean(),
        rules: z
          .array(
            z
              .object({
                name: resourceName,
                priority: z.number().int().nonnegative(),
                action: z.enum(['block', 'count', 'allow']),
                type: z.enum(['rate-limit', 'managed', 'ip-set', 'geo']),
                /** Requests per 5 minutes per IP, for rate-limit rules. */
                limit: z.number().int().positive().optional(),
                /** AWS managed rule group, e.g. AWSManagedRulesCommonRuleSet. */
                managedRuleGroup: z.string().optional(),
              })
              .strict(),
          )
          .optional(),
      })
      .strict()
      .optional(),
    compliance: z.array(z.string().min(1)).optional(),
    networkPolicy: z.object({ defaultDeny: z.boolean() }).strict().optional(),
    podSecurity: z.enum(['privileged', 'baseline', 'restricted']).optional(),
  })
  .strict();

// ---------------------------------------------------------------- SLOs and budget

/** @public */
export const slosSchema = z
  .object({
    /** Availability target in percent, e.g. 99.9. */
    availability: z.number(),
    latencyP95: duration,
    latencyP99: duration.optional(),
    throughputRps: z.number().positive().optional(),
    /** Error-rate target in percent. */
    errorRate: z.number().optional(),
    window: duration.optional(),
  })
  .strict();

/** @public */
export const budgetSchema = z
  .object({
    monthlyUsd: z.number().positive(),
    /** Percentages of the budget at which to alert, e.g. [50, 80, 100]. */
    alertThresholds: z.array(z.number().positive()).optional(),
  })
  .strict();

// ---------------------------------------------------------------- plan

/** One environment of a plan. @public */
export const environmentSchema = z
  .object({
    tier: z.enum(TIERS),
    region: z.string().min(1),
    description: z.string().optional(),
    /** A sizing label for readers; the node groups define the real size. */
    size: z.enum(['small', 'medium', 'large']).optional(),
    network: networkSchema,
    compute: computeSchema,
    workloads: z.array(workloadSchema),
    data: dataSchema.optional(),
    delivery: deliverySchema.optional(),
    observability: observabilitySchema.optional(),
    disasterRecovery: disasterRecoverySchema.optional(),
    security: securitySchema.optional(),
    slos: slosSchema.optional(),
    budget: budgetSchema.optional(),
  })
  .strict();

/** The whole plan, as stored in `infra-plan.yaml`. @public */
export const infraPlanSchema = z
  .object({
    apiVersion: z.literal(PLAN_API_VERSION),
    kind: z.literal(PLAN_KIND),
    metadata: z
      .object({
        /** Name of the catalog Component the plan belongs to. */
        service: z
          .string()
          .max(63)
          .regex(
            /^[a-zA-Z0-9]([-_.]?[a-zA-Z0-9])*$/,
            'must be a catalog entity name: letters, digits and single - _ . between them',
          ),
        /** Owning group, as a name (`team-agents`) or entity ref (`group:default/team-agents`). */
        owner: z.string().min(1),
        system: z.string().min(1).optional(),
        revision: z.number().int().positive().optional(),
        description: z.string().optional(),
      })
      .strict(),
    spec: z
      .object({
        provider: z.literal('aws'),
        regions: z.array(z.string().min(1)).min(1),
        environments: z
          .record(
            z.string().regex(DNS_LABEL, 'environment names are DNS labels'),
            environmentSchema,
          )
          .refine(envs => Object.keys(envs).length > 0, {
            message: 'a plan has at least one environment',
            params: {
              hint: 'add development, staging and production sections',
            },
          }),
      })
      .strict(),
  })
  .strict();

/** A parsed infrastructure plan. @public */
export type InfraPlan = z.infer<typeof infraPlanSchema>;
/** One environment section. @public */
export type EnvironmentPlan = z.infer<typeof environmentSchema>;
/** An environment tier. @public */
export type Tier = (typeof TIERS)[number];
/** @public */
export type NetworkPlan = z.infer<typeof networkSchema>;
/** @public */
export type Subnet = z.infer<typeof subnetSchema>;
/** @public */
export type SubnetTier = 'public' | 'private' | 'database';
/** @public */
export type LoadBalancer = z.infer<typeof loadBalancerSchema>;
/** @public */
export type SecurityGroup = z.infer<typeof securityGroupSchema>;
/** @public */
export type SecurityGroupRule = SecurityGroup['ingress'][number];
/** @public */
export type Nacl = z.infer<typeof naclSchema>;
/** @public */
export type ComputePlan = z.infer<typeof computeSchema>;
/** @public */
export type NodeGroup = z.infer<typeof nodeGroupSchema>;
/** @public */
export type Workload = z.infer<typeof workloadSchema>;
/** @public */
export type Autoscaling = z.infer<typeof autoscalingSchema>;
/** @public */
export type Probe = NonNullable<NonNullable<Workload['probes']>['liveness']>;
/** @public */
export type DataPlan = z.infer<typeof dataSchema>;
/** @public */
export type Database = z.infer<typeof databaseSchema>;
/** @public */
export type Cache = z.infer<typeof cacheSchema>;
/** @public */
export type Bucket = z.infer<typeof bucketSchema>;
/** @public */
export type Queue = z.infer<typeof queueSchema>;
/** @public */
export type DeliveryPlan = z.infer<typeof deliverySchema>;
/** @public */
export type DeliveryStrategy = DeliveryPlan['strategy'];
/** @public */
export type ObservabilityPlan = z.infer<typeof observabilitySchema>;
/** @public */
export type Alert = z.infer<typeof alertSchema>;
/** @public */
export type DisasterRecoveryPlan = z.infer<typeof disasterRecoverySchema>;
/** @public */
export type SecurityPlan = z.infer<typeof securitySchema>;
/** @public */
export type SlosPlan = z.infer<typeof slosSchema>;
/** @public */
export type BudgetPlan = z.infer<typeof budgetSchema>;
