import { P, RuleCase } from '../../__fixtures__/ruleCases';

/** The workload rules, each broken on the full fixture plan's production environment (and its nearest valid variant). */
export const workloadsRuleCases: RuleCase[] = [
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
];
