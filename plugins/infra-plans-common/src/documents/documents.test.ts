import { readFileSync } from 'fs';
import { resolve } from 'path';
import { fullPlan } from '../__fixtures__/plans';
import { parsePlan } from '../parse';
import {
  DOCUMENT_FILES,
  buildDeploymentArchitecturePlan,
  buildPerformanceOptimizationPlan,
  generateDocuments,
  renderInfrastructureRequirements,
  renderScalabilityArchitectureDesign,
} from '.';

const example = (service: string) =>
  parsePlan(
    readFileSync(
      resolve(
        __dirname,
        '../../../../examples/plans',
        service,
        'infra-plan.yaml',
      ),
      'utf8',
    ),
  ).plan!;

describe('generateDocuments', () => {
  it('produces the four artifacts of the task card, deterministically', () => {
    const docs = generateDocuments(fullPlan());
    expect(Object.keys(docs)).toEqual([...DOCUMENT_FILES]);
    expect(generateDocuments(fullPlan())).toEqual(docs);
    expect(() =>
      JSON.parse(docs['Deployment_Architecture_Plan.json']),
    ).not.toThrow();
    expect(() =>
      JSON.parse(docs['Performance_Optimization_Plan.json']),
    ).not.toThrow();
    for (const text of Object.values(docs))
      expect(text.endsWith('\n')).toBe(true);
  });
});

describe('Infrastructure_Requirements.md', () => {
  const md = renderInfrastructureRequirements(example('knowledge-store'));

  it('has the overview and environment table', () => {
    expect(md).toMatch(/^# Infrastructure Requirements: knowledge-store\n/);
    expect(md).toContain('| Owner | team-experience |');
    expect(md).toContain(
      '| production | production | us-east-1 | 3 | 10.33.0.0/16 | 3 / 6 / 12 | t3.large, t3.xlarge | store | postgres 15.4 (db.r6g.xlarge, multi-AZ) | $3,600 |',
    );
  });

  it('lists subnets with usable addresses, security groups and NACLs', () => {
    expect(md).toContain('| database | us-east-1c | 10.33.130.0/24 | 251 |');
    expect(md).toContain('| private | us-east-1a | 10.33.16.0/20 | 4,091 |');
    expect(md).toContain('| data | ingress | tcp | 5432 | sg:app | postgres |');
    expect(md).toContain(
      '| database | database | ingress | 100 | tcp | 5432 | 10.33.0.0/16 | allow |',
    );
  });

  it('lists node groups with capacity, workloads with scaling, data stores, DR and SLOs', () => {
    expect(md).toContain(
      '| general | t3.large, t3.xlarge | on-demand | 3 | 6 | 12 | 6–24 | 24–96 |',
    );
    expect(md).toContain(
      '| store | service | ghcr.io/gatehouse/knowledge-store:0.9.3 | 8080 (http) | 3 | 500m / 1 | 1Gi / 1Gi |',
    );
    expect(md).toContain('3–15 on CPU 70%, memory 80%');
    expect(md).toContain(
      '| memory-db | postgres 15.4 | db.r6g.xlarge | 200Gi → 1000Gi gp3 | yes | 1 | 30d | 03:00-04:00 | yes | yes |',
    );
    expect(md).toContain(
      '| memory-cache | redis 7.1 | cache.r6g.large | 3 | 1 | yes | allkeys-lru |',
    );
    expect(md).toContain('- **RPO:** 1h');
    expect(md).toContain('- **RTO:** 4h');
    expect(md).toContain('| Availability | 99.95% |');
    expect(md).toContain('```mermaid\nflowchart TB');
    expect(md).toContain('0 errors, 0 warnings.');
  });

  it('lists validation issues when there are some', () => {
    const plan = fullPlan();
    plan.spec.environments.production.compute.nodeGroups[0].desiredSize = 50;
    const text = renderInfrastructureRequirements(plan);
    expect(text).toContain('1 error, 0 warnings.');
    expect(text).toContain(
      '`spec.environments.production.compute.nodeGroups[0].desiredSize`',
    );
  });
});

describe('Deployment_Architecture_Plan.json', () => {
  const doc = buildDeploymentArchitecturePlan(example('orchestrator-api'));

  it('has a stable top-level shape', () => {
    expect(Object.keys(doc)).toEqual([
      'schema',
      'service',
      'owner',
      'system',
      'revision',
      'provider',
      'regions',
      'promotionOrder',
      'environments',
    ]);
    expect(doc.schema).toBe('gatehouse.io/deployment-architecture-plan/v1');
    expect(doc.promotionOrder).toEqual([
      'development',
      'staging',
      'production',
    ]);
  });

  it('describes networks, node groups, workloads and delivery with normalised figures', () => {
    const prod = doc.environments[2];
    expect(prod.network.subnets).toHaveLength(6);
    expect(prod.network.subnets[0]).toEqual({
      tier: 'public',
      az: 'us-east-1a',
      cidr: '10.30.1.0/24',
      usableAddresses: 251,
    });
    expect(prod.cluster.nodeGroups[0]).toMatchObject({
      minSize: 3,
      desiredSize: 6,
      maxSize: 20,
      vcpu: { min: 6, desired: 12, max: 40 },
    });
    const api = prod.workloads[0];
    expect(api).toMatchObject({
      name: 'api',
      replicas: { initial: 3, min: 3, max: 50 },
      resources: {
        cpuRequestMillicores: 250,
        cpuLimitMillicores: 1000,
        memoryRequestMiB: 512,
        memoryLimitMiB: 512,
        qosClass: 'Burstable',
      },
      exposure: {
        loadBalancer: 'public',
        host: 'api.gatehouse.example',
        path: '/',
      },
    });
    expect(api.kubernetesKinds).toEqual([
      'Rollout',
      'Service',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'Ingress',
      'NetworkPolicy',
    ]);
    expect(prod.delivery).toMatchObject({
      strategy: 'canary',
      controller: 'argo-rollouts',
      canarySteps: [
        { weight: 10, pause: '5m' },
        { weight: 25, pause: '10m' },
        { weight: 50, pause: '10m' },
      ],
    });
    expect(prod.dataStores[0]).toMatchObject({
      kind: 'cache',
      terraformResource: 'aws_elasticache_replication_group',
      usedBy: ['api'],
    });
    expect(doc.environments[0].delivery!.controller).toBe(
      'kubernetes-deployment',
    );
  });

  it('keeps every key, with null for what the plan leaves out', () => {
    const dev = doc.environments[0];
    expect(dev.disasterRecovery).toBeNull();
    expect(dev.security).toBeNull();
    expect(dev.workloads[0].autoscaling).toBeNull();
    expect(dev.workloads[0].disruptionBudget).toBeNull();
  });
});

describe('Scalability_Architecture_Design.md', () => {
  const md = renderScalabilityArchitectureDesign(example('task-runner'));

  it('summarises scaling per environment', () => {
    expect(md).toMatch(/^# Scalability Architecture Design: task-runner\n/);
    expect(md).toContain(
      '| production | production | 3–26 | 0–0 | 2–40 | 40 | 0 |',
    );
  });

  it('describes queue-driven and cluster autoscaling with capacity figures', () => {
    expect(md).toContain(
      '| runner | batch | 2 | 2–40 | 20 msgs/pod on task-queue | window 0s; 8 pods per 60s | window 600s; 20% per 60s | maxUnavailable 25% |',
    );
    expect(md).toContain(
      '| batch | c6i.xlarge, c5.xlarge | 0 | 2 | 20 | 0 / 80 | 0 / 160 | 25% |',
    );
    expect(md).toContain('runner scales 2–40 at 20 messages per replica');
    expect(md).toContain('| Maximum replicas vs max nodes | 40 | 80Gi |');
  });
});

describe('Performance_Optimization_Plan.json', () => {
  it('carries targets, resource figures and capacity', () => {
    const doc = buildPerformanceOptimizationPlan(example('orchestrator-api'));
    expect(doc.schema).toBe('gatehouse.io/performance-optimization-plan/v1');
    const prod = doc.environments.find(e => e.name === 'production')!;
    expect(prod.targets).toEqual({
      availabilityPercent: 99.9,
      latencyP95Ms: 200,
      latencyP99Ms: 1000,
      throughputRps: 2000,
      errorRatePercent: 0.1,
    });
    expect(prod.workloads[0]).toMatchObject({
      name: 'api',
      cpu: {
        requestMillicores: 250,
        limitMillicores: 1000,
        limitToRequestRatio: 4,
      },
      replicas: { min: 3, max: 50 },
      scaleOn: ['cpu:70%', 'memory:80%'],
    });
    expect(prod.capacity.cpuRequestedAtMaxMillicores).toBe(12500);
    expect(prod.caching[0]).toMatchObject({
      name: 'api-cache',
      nodes: 2,
      usedBy: ['api'],
    });
  });

  it('recommends fixes derived from the plan', () => {
    const plan = fullPlan();
    const api = plan.spec.environments.production.workloads[0];
    api.autoscaling!.targets.cpuUtilization = 90;
    delete api.probes!.readiness;
    plan.spec.environments.production.observability!.alerts = [];
    const prod = buildPerformanceOptimizationPlan(plan).environments.find(
      e => e.name === 'production',
    )!;
    const ids = prod.recommendations.map(r => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'production.api.hpa-cpu-target',
        'production.api.readiness-probe',
        'production.api.memory-request-equals-limit',
        'production.environment.latency-alert',
        'production.environment.error-alert',
      ]),
    );
    expect(
      prod.recommendations.find(r => r.id === 'production.api.readiness-probe')!
        .priority,
    ).toBe('high');
  });
});
