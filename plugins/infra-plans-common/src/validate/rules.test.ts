import { FIXTURE_DATE, fullPlan, prod } from '../__fixtures__/plans';
import { VALIDATION_RULES } from '../rules';
import type { EnvironmentPlan, InfraPlan } from '../schema';
import { validatePlan } from '.';

const P = 'spec.environments.production';

interface RuleCase {
  rule: string;
  name: string;
  /** Breaks the plan; the rule must report at `path`. */
  fail: (env: EnvironmentPlan, plan: InfraPlan) => void;
  path: string;
  severity?: 'error' | 'warning';
  /** The nearest valid variant; the rule must stay silent. */
  pass?: (env: EnvironmentPlan, plan: InfraPlan) => void;
  problem?: RegExp;
  hint?: RegExp;
}

const cases: RuleCase[] = [
  // Network
  {
    rule: 'cidr-syntax',
    name: 'an octet above 255',
    fail: env => (env.network.subnets.private[1].cidr = '10.30.300.0/20'),
    path: `${P}.network.subnets.private[1].cidr`,
    hint: /300 is not an IPv4 octet \(0–255\)/,
    pass: env => (env.network.subnets.private[1].cidr = '10.30.32.0/20'),
  },
  {
    rule: 'cidr-host-bits',
    name: 'host bits set',
    fail: env => (env.network.subnets.public![0].cidr = '10.30.1.5/24'),
    path: `${P}.network.subnets.public[0].cidr`,
    hint: /did you mean 10\.30\.1\.0\/24\?/,
    pass: env => (env.network.subnets.public![0].cidr = '10.30.1.0/24'),
  },
  {
    rule: 'cidr-family',
    name: 'an IPv6 VPC',
    fail: env => (env.network.vpc.cidr = '2001:db8::/56'),
    path: `${P}.network.vpc.cidr`,
  },
  {
    rule: 'vpc-size',
    name: 'a /8 VPC',
    fail: env => (env.network.vpc.cidr = '10.0.0.0/8'),
    path: `${P}.network.vpc.cidr`,
    pass: env => (env.network.vpc.cidr = '10.30.0.0/16'),
  },
  {
    rule: 'subnet-outside-vpc',
    name: 'a database subnet in another /16',
    fail: env => (env.network.subnets.database![0].cidr = '10.31.128.0/24'),
    path: `${P}.network.subnets.database[0].cidr`,
    problem: /outside the VPC 10\.30\.0\.0\/16/,
    pass: env => (env.network.subnets.database![0].cidr = '10.30.200.0/24'),
  },
  {
    rule: 'subnet-overlap',
    name: 'a database subnet inside a private /20',
    fail: env => (env.network.subnets.database![1].cidr = '10.30.20.0/24'),
    path: `${P}.network.subnets.database[1].cidr`,
    problem: /overlaps private\[0\] 10\.30\.16\.0\/20/,
    pass: env => (env.network.subnets.database![1].cidr = '10.30.131.0/24'),
  },
  {
    rule: 'subnet-az-coverage',
    name: 'a zone without a private subnet',
    fail: env => env.network.subnets.private.pop(),
    path: `${P}.network.subnets.private`,
    problem: /no private subnet in us-east-1c/,
  },
  {
    rule: 'subnet-az-coverage',
    name: 'two public subnets in one zone',
    fail: env => (env.network.subnets.public![2].az = 'us-east-1a'),
    path: `${P}.network.subnets.public[2].az`,
  },
  {
    rule: 'az-region',
    name: 'a zone of another region',
    fail: env => (env.network.vpc.availabilityZones[2] = 'us-west-2c'),
    path: `${P}.network.vpc.availabilityZones[2]`,
  },
  {
    rule: 'eks-min-azs',
    name: 'a single zone',
    fail: env => {
      env.network.vpc.availabilityZones = ['us-east-1a'];
      for (const tier of ['public', 'private', 'database'] as const) {
        env.network.subnets[tier] = env.network.subnets[tier]!.slice(0, 1);
      }
    },
    path: `${P}.network.vpc.availabilityZones`,
  },
  {
    rule: 'database-subnets',
    name: 'databases without a database subnet tier',
    fail: env => delete env.network.subnets.database,
    path: `${P}.network.subnets`,
    severity: 'warning',
  },
  {
    rule: 'nat-public-subnets',
    name: 'NAT gateways without public subnets',
    fail: env => {
      delete env.network.subnets.public;
      env.network.loadBalancers = [];
      env.workloads[0].expose = undefined;
    },
    path: `${P}.network.vpc.natGateways`,
  },
  {
    rule: 'lb-listeners',
    name: 'an HTTPS listener without a certificate',
    fail: env => delete env.network.loadBalancers![0].listeners[0].certificate,
    path: `${P}.network.loadBalancers[0].listeners[0]`,
  },
  {
    rule: 'lb-listeners',
    name: 'a TCP listener on an ALB',
    fail: env => (env.network.loadBalancers![0].listeners[0].protocol = 'TCP'),
    path: `${P}.network.loadBalancers[0].listeners[0].protocol`,
  },
  {
    rule: 'lb-placement',
    name: 'an internet-facing load balancer without public subnets',
    fail: env => {
      delete env.network.subnets.public;
      env.network.vpc.natGateways = 'none';
    },
    path: `${P}.network.loadBalancers[0].scheme`,
    pass: env => (env.network.loadBalancers![0].scheme = 'internal'),
  },
  {
    rule: 'lb-targets',
    name: 'an unknown target',
    fail: env => (env.network.loadBalancers![0].targets = ['nope']),
    path: `${P}.network.loadBalancers[0].targets[0]`,
  },
  {
    rule: 'sg-reference',
    name: 'a rule from an unknown security group',
    fail: env =>
      (env.network.securityGroups![1].ingress[0].securityGroup = 'lb'),
    path: `${P}.network.securityGroups[1].ingress[0].securityGroup`,
  },
  {
    rule: 'sg-open-world',
    name: 'SSH open to 0.0.0.0/0',
    fail: env =>
      env.network.securityGroups![1].ingress.push({
        name: 'ssh',
        protocol: 'tcp',
        ports: 22,
        cidr: '0.0.0.0/0',
      }),
    path: `${P}.network.securityGroups[1].ingress[1]`,
    problem: /opens port 22 \(tcp\) to 0\.0\.0\.0\/0/,
    pass: env =>
      env.network.securityGroups![1].ingress.push({
        name: 'ssh',
        protocol: 'tcp',
        ports: 22,
        cidr: '10.30.0.0/16',
      }),
  },
  {
    rule: 'sg-open-world',
    name: 'all traffic open to ::/0',
    fail: env =>
      env.network.securityGroups![0].ingress.push({
        protocol: 'all',
        cidr: '::/0',
      }),
    path: `${P}.network.securityGroups[0].ingress[2]`,
    problem: /all ports/,
    pass: env =>
      env.network.securityGroups![0].ingress.push({
        protocol: 'tcp',
        ports: 443,
        cidr: '::/0',
      }),
  },
  {
    rule: 'nacl-rules',
    name: 'a repeated NACL rule number',
    fail: env =>
      (env.network.nacls = [
        {
          name: 'public',
          subnets: 'public',
          ingress: [
            {
              rule: 100,
              protocol: 'tcp',
              ports: 443,
              cidr: '0.0.0.0/0',
              action: 'allow',
            },
            {
              rule: 100,
              protocol: 'tcp',
              ports: 80,
              cidr: '0.0.0.0/0',
              action: 'allow',
            },
          ],
        },
      ]),
    path: `${P}.network.nacls[0].ingress[1].rule`,
    pass: env =>
      (env.network.nacls = [
        {
          name: 'public',
          subnets: 'public',
          ingress: [
            {
              rule: 100,
              protocol: 'tcp',
              ports: 443,
              cidr: '0.0.0.0/0',
              action: 'allow',
            },
            {
              rule: 110,
              protocol: 'tcp',
              ports: 80,
              cidr: '0.0.0.0/0',
              action: 'allow',
            },
          ],
        },
      ]),
  },
  // Compute
  {
    rule: 'node-group-sizing',
    name: 'desired above max',
    fail: env => (env.compute.nodeGroups[0].desiredSize = 25),
    path: `${P}.compute.nodeGroups[0].desiredSize`,
    problem: /desiredSize 25 is outside 3–20/,
    pass: env => (env.compute.nodeGroups[0].desiredSize = 20),
  },
  {
    rule: 'node-group-sizing',
    name: 'min above max',
    fail: env => (env.compute.nodeGroups[0].minSize = 21),
    path: `${P}.compute.nodeGroups[0].minSize`,
    pass: env =>
      Object.assign(env.compute.nodeGroups[0], {
        minSize: 20,
        desiredSize: 20,
        maxSize: 20,
      }),
  },
  {
    rule: 'workload-node-group',
    name: 'an unknown node group',
    fail: env => (env.workloads[0].nodeGroup = 'gpu'),
    path: `${P}.workloads[0].nodeGroup`,
  },
  {
    rule: 'taint-toleration',
    name: 'a tainted node group without a toleration',
    fail: env =>
      (env.compute.nodeGroups[0].taints = [
        { key: 'dedicated', value: 'api', effect: 'NoSchedule' },
      ]),
    path: `${P}.workloads[0].nodeGroup`,
    pass: env => {
      env.compute.nodeGroups[0].taints = [
        { key: 'dedicated', value: 'api', effect: 'NoSchedule' },
      ];
      env.workloads[0].tolerations = [
        { key: 'dedicated', value: 'api', effect: 'NoSchedule' },
      ];
    },
  },
  {
    rule: 'workload-fits-node',
    name: 'a pod larger than any node',
    fail: env =>
      (env.workloads[0].resources = {
        requests: { cpu: '8', memory: '1Gi' },
        limits: { cpu: '8', memory: '1Gi' },
      }),
    path: `${P}.workloads[0].resources.requests`,
    pass: env =>
      (env.workloads[0].resources = {
        requests: { cpu: '3', memory: '12Gi' },
        limits: { cpu: '3', memory: '12Gi' },
      }),
  },
  {
    rule: 'cluster-capacity',
    name: 'more pods at max scale than the nodes hold',
    fail: env => (env.workloads[0].autoscaling!.maxReplicas = 500),
    path: `${P}.compute.nodeGroups`,
    severity: 'warning',
    pass: env => (env.workloads[0].autoscaling!.maxReplicas = 60),
  },
  {
    rule: 'type-known',
    name: 'an instance type nobody sells',
    fail: env => (env.compute.nodeGroups[0].instanceTypes[0] = 't3.gigantic'),
    path: `${P}.compute.nodeGroups[0].instanceTypes[0]`,
    hint: /^did you mean t3\.\S+, t3\.\S+, t3\.\S+\?$/,
    pass: env => (env.compute.nodeGroups[0].instanceTypes[0] = 't3.2xlarge'),
  },
  {
    rule: 'version-in-calendar',
    name: 'a Kubernetes version the calendar does not list',
    fail: env => (env.compute.cluster.kubernetesVersion = '1.99'),
    path: `${P}.compute.cluster.kubernetesVersion`,
    hint: /upgrade to Kubernetes 1\.35/,
    pass: env => (env.compute.cluster.kubernetesVersion = '1.34'),
  },
  {
    rule: 'version-extended-support',
    name: 'Kubernetes 1.34 five days after its standard support ended',
    fail: env => (env.compute.cluster.kubernetesVersion = '1.34'),
    path: `${P}.compute.cluster.kubernetesVersion`,
    severity: 'warning',
    problem:
      /extended support ends 2027-12-02; it costs USD 0\.60 per cluster-hour/,
    pass: env => (env.compute.cluster.kubernetesVersion = '1.35'),
  },
  {
    rule: 'version-support-ended',
    name: 'Kubernetes 1.28 (the seed plan) after its extended support',
    fail: env => (env.compute.cluster.kubernetesVersion = '1.28'),
    path: `${P}.compute.cluster.kubernetesVersion`,
    problem: /past the end of EKS extended support \(2025-11-26\)/,
    pass: env => (env.compute.cluster.kubernetesVersion = '1.35'),
  },
  // Workloads
  {
    rule: 'requests-within-limits',
    name: 'a CPU request above the limit',
    fail: env => (env.workloads[0].resources.requests.cpu = '1500m'),
    path: `${P}.workloads[0].resources.requests.cpu`,
    problem: /requests 1500m CPU but is limited to 1/,
    pass: env => (env.workloads[0].resources.requests.cpu = '1'),
  },
  {
    rule: 'requests-within-limits',
    name: 'a memory request above the limit',
    fail: env => (env.workloads[0].resources.requests.memory = '2Gi'),
    path: `${P}.workloads[0].resources.requests.memory`,
    pass: env => (env.workloads[0].resources.requests.memory = '1Gi'),
  },
  {
    rule: 'hpa-bounds',
    name: 'HPA max below min',
    fail: env =>
      Object.assign(env.workloads[0].autoscaling!, {
        minReplicas: 10,
        maxReplicas: 5,
      }),
    path: `${P}.workloads[0].autoscaling.maxReplicas`,
    pass: env =>
      Object.assign(env.workloads[0].autoscaling!, {
        minReplicas: 3,
        maxReplicas: 3,
      }),
  },
  {
    rule: 'hpa-targets',
    name: 'a CPU target above 100',
    fail: env => (env.workloads[0].autoscaling!.targets.cpuUtilization = 150),
    path: `${P}.workloads[0].autoscaling.targets.cpuUtilization`,
    pass: env => (env.workloads[0].autoscaling!.targets.cpuUtilization = 100),
  },
  {
    rule: 'hpa-targets',
    name: 'a memory target of 0',
    fail: env => (env.workloads[0].autoscaling!.targets.memoryUtilization = 0),
    path: `${P}.workloads[0].autoscaling.targets.memoryUtilization`,
    pass: env => (env.workloads[0].autoscaling!.targets.memoryUtilization = 1),
  },
  {
    rule: 'hpa-targets',
    name: 'an HPA without targets',
    fail: env => (env.workloads[0].autoscaling!.targets = {}),
    path: `${P}.workloads[0].autoscaling.targets`,
  },
  {
    rule: 'replicas-within-hpa',
    name: 'replicas below the HPA minimum',
    fail: env => (env.workloads[0].replicas = 1),
    path: `${P}.workloads[0].replicas`,
    problem: /replicas 1 is outside the HPA bounds 3–30/,
    pass: env => (env.workloads[0].replicas = 30),
  },
  {
    rule: 'probe-port',
    name: 'a probe on an undeclared port',
    fail: env => (env.workloads[0].probes!.liveness!.http!.port = 9999),
    path: `${P}.workloads[0].probes.liveness.http.port`,
    pass: env => (env.workloads[0].probes!.liveness!.http!.port = 3000),
  },
  {
    rule: 'disruption-budget',
    name: 'minAvailable equal to the minimum replicas',
    fail: env => (env.workloads[0].disruptionBudget = { minAvailable: 3 }),
    path: `${P}.workloads[0].disruptionBudget.minAvailable`,
    problem: /blocks node drains/,
    pass: env => (env.workloads[0].disruptionBudget = { minAvailable: 2 }),
  },
  {
    rule: 'disruption-budget',
    name: 'maxUnavailable 0%',
    fail: env => (env.workloads[0].disruptionBudget = { maxUnavailable: '0%' }),
    path: `${P}.workloads[0].disruptionBudget.maxUnavailable`,
    pass: env =>
      (env.workloads[0].disruptionBudget = { maxUnavailable: '25%' }),
  },
  {
    rule: 'workload-ports',
    name: 'a service without ports',
    fail: env => {
      env.workloads[0].ports = [];
      env.workloads[0].probes = {
        liveness: { exec: { command: ['true'] } },
        readiness: { exec: { command: ['true'] } },
      };
      env.workloads[0].expose = undefined;
      env.network.loadBalancers![0].targets = [];
    },
    path: `${P}.workloads[0].ports`,
  },
  {
    rule: 'workload-expose',
    name: 'an unknown load balancer',
    fail: env => (env.workloads[0].expose!.loadBalancer = 'private'),
    path: `${P}.workloads[0].expose.loadBalancer`,
  },
  {
    rule: 'workload-references',
    name: 'an unknown data store',
    fail: env => env.workloads[0].uses!.push('search'),
    path: `${P}.workloads[0].uses[3]`,
    pass: env => env.workloads[0].uses!.pop(),
  },
  {
    rule: 'workload-references',
    name: 'an undeclared secret',
    fail: env => env.workloads[0].secrets!.push('stripe-key'),
    path: `${P}.workloads[0].secrets[1]`,
    pass: env => {
      env.workloads[0].secrets!.push('stripe-key');
      env.security!.secrets!.items!.push({ name: 'stripe-key' });
    },
  },
  {
    rule: 'image-tag',
    name: 'the latest tag in production',
    fail: env => (env.workloads[0].image = 'ghcr.io/gatehouse/demo-api:latest'),
    path: `${P}.workloads[0].image`,
    severity: 'warning',
    pass: env =>
      (env.workloads[0].image = 'ghcr.io/gatehouse/demo-api@sha256:abc'),
  },
  {
    rule: 'names-unique',
    name: 'two workloads with one name',
    fail: env => env.workloads.push({ ...env.workloads[0] }),
    path: `${P}.workloads[1].name`,
  },
  // Data
  {
    rule: 'database-storage',
    name: 'storage below the RDS minimum',
    fail: env => (env.data!.databases![0].storage.allocated = '10Gi'),
    path: `${P}.data.databases[0].storage.allocated`,
    pass: env => (env.data!.databases![0].storage.allocated = '20Gi'),
  },
  {
    rule: 'database-backup',
    name: 'retention above 35 days',
    fail: env => (env.data!.databases![0].backup!.retention = '40d'),
    path: `${P}.data.databases[0].backup.retention`,
    pass: env => (env.data!.databases![0].backup!.retention = '35d'),
  },
  {
    rule: 'database-backup',
    name: 'backup and maintenance windows overlapping',
    fail: env =>
      (env.data!.databases![0].maintenanceWindow = 'sun:03:30-sun:04:30'),
    path: `${P}.data.databases[0].backup.window`,
    pass: env =>
      (env.data!.databases![0].maintenanceWindow = 'sun:04:00-sun:05:00'),
  },
  {
    rule: 'tier:database-multi-az',
    name: 'a single-AZ production database',
    fail: env => (env.data!.databases![0].multiAz = false),
    path: `${P}.data.databases[0].multiAz`,
  },
  {
    rule: 'backup-vs-rpo',
    name: 'daily backups against a 1h RPO',
    fail: env => (env.data!.databases![0].backup!.pointInTimeRecovery = false),
    path: `${P}.data.databases[0].backup`,
    problem: /once a day.*RPO of 1h/,
    hint: /point-in-time recovery.*at least every 1h/,
    pass: env =>
      Object.assign(env.data!.databases![0].backup!, {
        pointInTimeRecovery: false,
        frequency: '1h',
      }),
  },
  {
    rule: 'backup-vs-rpo',
    name: 'snapshots every 4h against a 1h RPO',
    fail: env =>
      Object.assign(env.data!.databases![0].backup!, {
        pointInTimeRecovery: false,
        frequency: '4h',
      }),
    path: `${P}.data.databases[0].backup.frequency`,
    pass: env =>
      Object.assign(env.data!.databases![0].backup!, {
        pointInTimeRecovery: false,
        frequency: '30m',
      }),
  },
  {
    rule: 'cache-replication',
    name: 'a multi-AZ cache without replicas',
    fail: env => (env.data!.caches![0].replicasPerShard = 0),
    path: `${P}.data.caches[0].multiAz`,
  },
  {
    rule: 'bucket-replication',
    name: 'replication without versioning',
    fail: env => (env.data!.objectStorage![0].versioning = false),
    path: `${P}.data.objectStorage[0].versioning`,
  },
  {
    rule: 'bucket-lifecycle',
    name: 'a transition to IA before 30 days',
    fail: env =>
      (env.data!.objectStorage![0].lifecycle![0].transitions![0].after = '10d'),
    path: `${P}.data.objectStorage[0].lifecycle[0].transitions[0].after`,
    pass: env =>
      (env.data!.objectStorage![0].lifecycle![0].transitions![0].after = '30d'),
  },
  {
    rule: 'bucket-public',
    name: 'a public bucket in production',
    fail: env => (env.data!.objectStorage![0].publicAccess = true),
    path: `${P}.data.objectStorage[0].publicAccess`,
    severity: 'warning',
    pass: env => (env.data!.objectStorage![0].publicAccess = false),
  },
  {
    rule: 'encryption-consistency',
    name: 'an unencrypted database under encryption at rest',
    fail: env => (env.data!.databases![0].encrypted = false),
    path: `${P}.data.databases[0].encrypted`,
  },
  {
    rule: 'queue-limits',
    name: 'SQS retention above 14 days',
    fail: env =>
      (env.data!.queues = [{ name: 'jobs', type: 'sqs', retention: '20d' }]),
    path: `${P}.data.queues[0].retention`,
    pass: env =>
      (env.data!.queues = [{ name: 'jobs', type: 'sqs', retention: '14d' }]),
  },
  // Delivery
  {
    rule: 'canary-steps',
    name: 'decreasing canary weights',
    fail: env =>
      (env.delivery!.canary!.steps = [{ weight: 20 }, { weight: 10 }]),
    path: `${P}.delivery.canary.steps[1].weight`,
    pass: env =>
      (env.delivery!.canary!.steps = [{ weight: 10 }, { weight: 20 }]),
  },
  {
    rule: 'delivery-config',
    name: 'a canary without steps',
    fail: env => delete env.delivery!.canary,
    path: `${P}.delivery.strategy`,
  },
  {
    rule: 'delivery-config',
    name: 'a rolling update that cannot progress',
    fail: env =>
      (env.delivery = {
        strategy: 'rolling',
        rolling: { maxSurge: 0, maxUnavailable: 0 },
        rollback: env.delivery!.rollback,
      }),
    path: `${P}.delivery.rolling`,
    pass: env =>
      (env.delivery = {
        strategy: 'rolling',
        rolling: { maxSurge: 1, maxUnavailable: 0 },
        rollback: env.delivery!.rollback,
      }),
  },
  // Observability
  {
    rule: 'alert-threshold',
    name: 'a CPU alert above 100%',
    fail: env => (env.observability!.alerts![2].threshold = 150),
    path: `${P}.observability.alerts[2].threshold`,
    pass: env => (env.observability!.alerts![2].threshold = '90%'),
  },
  {
    rule: 'alert-threshold',
    name: 'a latency alert without a unit',
    fail: env => (env.observability!.alerts![1].threshold = 300),
    path: `${P}.observability.alerts[1].threshold`,
  },
  {
    rule: 'alert-vs-slo',
    name: 'a latency alert looser than the SLO',
    fail: env => (env.observability!.alerts![1].threshold = '1s'),
    path: `${P}.observability.alerts[1].threshold`,
    severity: 'warning',
    pass: env => (env.observability!.alerts![1].threshold = '250ms'),
  },
  // Disaster recovery
  {
    rule: 'dr-region',
    name: 'the DR region equal to the primary',
    fail: env => (env.disasterRecovery!.drRegion = 'us-east-1'),
    path: `${P}.disasterRecovery.drRegion`,
  },
  {
    rule: 'dr-region',
    name: 'a warm standby without a DR region',
    fail: env => delete env.disasterRecovery!.drRegion,
    path: `${P}.disasterRecovery.strategy`,
  },
  {
    rule: 'dr-replication',
    name: 'object storage replication promised but a bucket does not replicate',
    fail: env => delete env.data!.objectStorage![0].replication,
    path: `${P}.data.objectStorage[0].replication`,
    severity: 'warning',
  },
  {
    rule: 'dr-test-cadence',
    name: 'annual DR tests in production',
    fail: env => (env.disasterRecovery!.testCadence = 'annual'),
    path: `${P}.disasterRecovery.testCadence`,
    pass: env => (env.disasterRecovery!.testCadence = 'monthly'),
  },
  {
    rule: 'rto-feasibility',
    name: 'a 30 minute RTO from backups',
    fail: env =>
      Object.assign(env.disasterRecovery!, {
        strategy: 'backup-restore',
        rto: '30m',
      }),
    path: `${P}.disasterRecovery.rto`,
    severity: 'warning',
    pass: env =>
      Object.assign(env.disasterRecovery!, {
        strategy: 'backup-restore',
        rto: '4h',
      }),
  },
  {
    rule: 'region-listed',
    name: 'an environment region missing from spec.regions',
    fail: (_env, plan) => (plan.spec.regions = ['us-west-2']),
    path: `${P}.region`,
  },
  // Security
  {
    rule: 'tls-version',
    name: 'TLS 1.1',
    fail: env => (env.security!.encryption!.inTransit.minTlsVersion = '1.1'),
    path: `${P}.security.encryption.inTransit.minTlsVersion`,
    pass: env => (env.security!.encryption!.inTransit.minTlsVersion = '1.2'),
  },
  {
    rule: 'waf-rules',
    name: 'a rate limit without a limit',
    fail: env => delete env.security!.waf!.rules![0].limit,
    path: `${P}.security.waf.rules[0].limit`,
  },
  {
    rule: 'names-unique',
    name: 'two WAF rules with one priority',
    fail: env => (env.security!.waf!.rules![1].priority = 1),
    path: `${P}.security.waf.rules[1].priority`,
  },
  // SLOs
  {
    rule: 'slo-ranges',
    name: 'a 100% availability objective',
    fail: env => (env.slos!.availability = 100),
    path: `${P}.slos.availability`,
    pass: env => (env.slos!.availability = 99.99),
  },
  {
    rule: 'slo-ranges',
    name: 'p99 faster than p95',
    fail: env => (env.slos!.latencyP99 = '100ms'),
    path: `${P}.slos.latencyP99`,
    pass: env => (env.slos!.latencyP99 = '300ms'),
  },
];

function run(mutate?: (env: EnvironmentPlan, plan: InfraPlan) => void) {
  const plan = fullPlan();
  mutate?.(prod(plan), plan);
  return validatePlan(plan, { asOf: FIXTURE_DATE });
}

describe('validation rules', () => {
  it('accepts the base plan without any issue', () => {
    const result = run();
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
  });

  describe.each(cases)('$rule: $name', c => {
    it('reports the problem where it is', () => {
      const result = run(c.fail);
      const found = result.issues.filter(i => i.rule === c.rule);
      expect(found.map(i => i.path)).toContain(c.path);
      const issue = found.find(i => i.path === c.path)!;
      expect(issue.severity).toBe(c.severity ?? 'error');
      expect(issue.problem.length).toBeGreaterThan(10);
      expect(issue.hint.length).toBeGreaterThan(5);
      expect(issue.problem).toMatch(c.problem ?? /./);
      expect(issue.hint).toMatch(c.hint ?? /./);
      const isError = (c.severity ?? 'error') === 'error';
      expect(result.valid).toBe(isError ? false : result.errorCount === 0);
    });

    if (c.pass) {
      it('stays silent for the valid variant', () => {
        const result = run(c.pass);
        expect(result.issues.filter(i => i.rule === c.rule)).toEqual([]);
      });
    }
  });

  it('has a failing case for every rule of the catalogue', () => {
    const covered = new Set(cases.map(c => c.rule));
    const untested = VALIDATION_RULES.map(r => r.id).filter(
      id => !covered.has(id) && id !== 'schema' && id !== 'yaml-syntax', // parse.test.ts
    );
    expect(untested).toEqual([]);
  });
});
