import { InvalidInputError } from '../errors';
import {
  estimateKubernetesWorkloads,
  quantityAt,
} from './estimateKubernetesWorkloads';

function deployment(
  name: string,
  replicas: number | undefined,
  containers: Array<{ cpu?: string; memory?: string }>,
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop' },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      template: {
        spec: {
          containers: containers.map((requests, i) => ({
            name: `c${i}`,
            image: 'app',
            resources: { requests },
          })),
        },
      },
    },
  };
}

describe('quantityAt', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['0.25', 0.25],
    ['512Mi', 512 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['1e3', 1000],
    [3, 3],
  ])('parses %p', (input, expected) => {
    expect(quantityAt(input, 'q')).toBe(expected);
  });

  it('rejects garbage with the path', () => {
    expect(() => quantityAt('lots', 'x.cpu')).toThrow(
      'x.cpu must be a Kubernetes quantity such as "500m" or "512Mi" (got "lots")',
    );
  });
});

describe('estimateKubernetesWorkloads', () => {
  // m6i.large: 2 vCPU, 8 GiB, 0.096 USD/h → 70.08 USD/month.
  const options = { nodeInstanceType: 'm6i.large', region: 'us-east-1' };

  it('charges each pod the larger of its CPU and memory share of a node, × replicas', () => {
    const estimate = estimateKubernetesWorkloads(
      [
        deployment('cpu-bound', 3, [
          { cpu: '500m', memory: '512Mi' },
          { cpu: '250m', memory: '256Mi' },
        ]),
        deployment('memory-bound', undefined, [{ cpu: '100m', memory: '4Gi' }]),
      ],
      options,
    );
    expect(estimate.node).toEqual({
      instanceType: 'm6i.large',
      vcpu: 2,
      memoryGiB: 8,
      hourlyPrice: 0.096,
      monthlyPrice: 70.08,
      priceProvenance: {
        kind: 'cited',
        source:
          'Amazon EC2 On-Demand pricing page, Linux, US East (N. Virginia): USD 0.096 per On Demand Linux m6i.large Instance Hour',
        asOf: '2025-06-01',
      },
    });
    expect(estimate.workloads).toEqual([
      {
        kind: 'Deployment',
        name: 'cpu-bound',
        namespace: 'shop',
        replicas: 3,
        podRequests: { cpuCores: 0.75, memoryGiB: 0.75 },
        podShareOfNode: 0.375,
        dominantResource: 'cpu',
        monthlyPerPod: 26.28,
        monthly: 78.84,
      },
      {
        kind: 'Deployment',
        name: 'memory-bound',
        namespace: 'shop',
        replicas: 1,
        podRequests: { cpuCores: 0.1, memoryGiB: 4 },
        podShareOfNode: 0.5,
        dominantResource: 'memory',
        monthlyPerPod: 35.04,
        monthly: 35.04,
      },
    ]);
    expect(estimate.totals).toEqual({
      monthly: 113.88,
      range: { low: 113.88, high: 113.88 },
    });
  });

  it('turns an HPA into a replica range', () => {
    const estimate = estimateKubernetesWorkloads(
      {
        kind: 'List',
        items: [
          deployment('api', 1, [{ cpu: '1', memory: '1Gi' }]),
          {
            apiVersion: 'autoscaling/v2',
            kind: 'HorizontalPodAutoscaler',
            metadata: { name: 'api-hpa', namespace: 'shop' },
            spec: {
              scaleTargetRef: {
                apiVersion: 'apps/v1',
                kind: 'Deployment',
                name: 'api',
              },
              minReplicas: 2,
              maxReplicas: 10,
            },
          },
          { kind: 'Service', metadata: { name: 'api' } },
        ],
      },
      options,
    );
    expect(estimate.workloads[0]).toMatchObject({
      replicas: 2,
      replicaRange: { min: 2, max: 10 },
      hpa: 'api-hpa',
      monthlyPerPod: 35.04,
      monthly: 70.08,
      range: { low: 70.08, high: 350.4 },
    });
    expect(estimate.totals).toEqual({
      monthly: 70.08,
      range: { low: 70.08, high: 350.4 },
    });
    expect(estimate.skipped).toEqual([{ kind: 'Service', name: 'api' }]);
  });

  it('uses limits when requests are missing and the largest init container', () => {
    const estimate = estimateKubernetesWorkloads(
      [
        {
          kind: 'StatefulSet',
          metadata: { name: 'db' },
          spec: {
            replicas: 2,
            template: {
              spec: {
                initContainers: [
                  {
                    name: 'init',
                    resources: { requests: { cpu: '2', memory: '1Gi' } },
                  },
                ],
                containers: [
                  {
                    name: 'db',
                    resources: { limits: { cpu: '1', memory: '2Gi' } },
                  },
                ],
              },
            },
          },
        },
      ],
      options,
    );
    expect(estimate.workloads[0]).toMatchObject({
      namespace: 'default',
      podRequests: { cpuCores: 2, memoryGiB: 2 },
      podShareOfNode: 1,
      monthly: 140.16,
    });
  });

  it('lists what it cannot price', () => {
    const estimate = estimateKubernetesWorkloads(
      [
        {
          kind: 'DaemonSet',
          metadata: { name: 'agent' },
          spec: { template: { spec: { containers: [] } } },
        },
        { kind: 'CronJob', metadata: { name: 'report' }, spec: {} },
        deployment('no-requests', 2, [{}]),
        deployment('too-big', 1, [{ cpu: '4' }]),
      ],
      options,
    );
    expect(estimate.unpriced.map(item => [item.name, item.reason])).toEqual([
      [
        'agent',
        'a DaemonSet runs one pod per node; pass nodeCount to price it',
      ],
      ['report', 'batch workloads run for an unknown time each month'],
      ['no-requests', 'containers declare no CPU or memory requests'],
      [
        'too-big',
        'pod requests (4 CPU, 0 GiB) do not fit on one m6i.large (2 vCPU, 8 GiB)',
      ],
    ]);
    expect(estimate.totals.monthly).toBe(0);
  });

  it('prices DaemonSets with a node count', () => {
    const estimate = estimateKubernetesWorkloads(
      [
        {
          kind: 'DaemonSet',
          metadata: { name: 'agent' },
          spec: {
            template: {
              spec: {
                containers: [{ resources: { requests: { cpu: '200m' } } }],
              },
            },
          },
        },
      ],
      { ...options, nodeCount: 5 },
    );
    expect(estimate.workloads[0]).toMatchObject({
      replicas: 5,
      monthly: 35.04,
    });
  });

  it('rejects malformed manifests and unknown node types', () => {
    expect(() => estimateKubernetesWorkloads([42], options)).toThrow(
      'objects[0] must be a Kubernetes object with a kind (got 42)',
    );
    expect(() =>
      estimateKubernetesWorkloads(
        [
          {
            kind: 'Deployment',
            metadata: { name: 'x' },
            spec: { template: { spec: { containers: {} } } },
          },
        ],
        options,
      ),
    ).toThrow(
      'objects[0] (Deployment x).spec.template.spec.containers must be an array (got an object)',
    );
    expect(() =>
      estimateKubernetesWorkloads([], { nodeInstanceType: 'x9.huge' }),
    ).toThrow(InvalidInputError);
  });
});
