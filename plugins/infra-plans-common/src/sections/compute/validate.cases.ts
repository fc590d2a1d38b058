import { P, RuleCase } from '../../__fixtures__/ruleCases';

/** The compute rules, each broken on the full fixture plan's production environment (and its nearest valid variant). */
export const computeRuleCases: RuleCase[] = [
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
];
