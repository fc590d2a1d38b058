import {
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { parsePlan } from '@gatehouse/plugin-infra-plans-common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  objectOf,
  readRepositoryFile,
  repositoryRoot,
} from './__testUtils__/repository';

/**
 * Validated on a stated date: the plan's Kubernetes version is checked against
 * EKS's support calendar, so "valid, without warnings" holds for a date.
 */
const VALIDATED_ON = new Date('2026-12-07T12:00:00Z');
const plan = () =>
  parsePlan(readRepositoryFile('infra-plan.yaml'), { asOf: VALIDATED_ON });
const production = () => plan().plan!.spec.environments.production;
const workload = () => production().workloads!.find(w => w.name === 'backend')!;
const deployment = () => objectOf('Deployment', 'gatehouse');
const entities = () =>
  parseAllDocuments(readRepositoryFile('catalog-info.yaml')).map(doc =>
    doc.toJS(),
  );

describe("Gatehouse's infra-plan.yaml", () => {
  it('is a valid plan, without warnings', () => {
    const result = plan();
    expect(result.issues).toEqual([]);
    expect(result.plan?.metadata.service).toBe('gatehouse');
  });

  it('describes the deployment of deploy/kubernetes', () => {
    const container = deployment().spec.template.spec.containers[0];
    const w = workload() as any;
    expect(w.replicas).toBe(deployment().spec.replicas);
    expect(w.image.split(':')[0]).toBe(container.image.split(':')[0]);
    expect(w.ports[0].containerPort).toBe(container.ports[0].containerPort);
    expect(w.probes.readiness.http.path).toBe(
      container.readinessProbe.httpGet.path,
    );
    expect(w.probes.liveness.http.path).toBe(
      container.livenessProbe.httpGet.path,
    );
    expect(w.resources.requests).toEqual(container.resources.requests);
    const hpa = objectOf('HorizontalPodAutoscaler', 'gatehouse').spec;
    expect(w.autoscaling.minReplicas).toBe(hpa.minReplicas);
    expect(w.autoscaling.maxReplicas).toBe(hpa.maxReplicas);
    expect(w.disruptionBudget.minAvailable).toBe(
      objectOf('PodDisruptionBudget', 'gatehouse').spec.minAvailable,
    );
    const delivery = production().delivery as any;
    expect(delivery.strategy).toBe('rolling');
    expect(delivery.rolling.maxUnavailable).toBe(
      deployment().spec.strategy.rollingUpdate.maxUnavailable,
    );
    const ingress = objectOf('Ingress', 'gatehouse').spec;
    expect(w.expose.host).toBe(ingress.rules[0].host);
  });

  it('keeps the one PostgreSQL with backups and point-in-time recovery', () => {
    const databases = (production() as any).data.databases;
    expect(databases).toHaveLength(1);
    expect(databases[0]).toMatchObject({
      name: 'gatehouse-db',
      engine: 'postgres',
      multiAz: true,
      backup: { pointInTimeRecovery: true },
    });
  });
});

describe("Gatehouse's catalog-info.yaml", () => {
  it('holds valid entities', async () => {
    const [component, resource] = entities();
    await expect(
      componentEntityV1alpha1Validator.check(component),
    ).resolves.toBe(true);
    await expect(resourceEntityV1alpha1Validator.check(resource)).resolves.toBe(
      true,
    );
  });

  it('links the plan, the Kubernetes objects and the database', () => {
    const [component, resource] = entities();
    const planPath = component.metadata.annotations['gatehouse.io/infra-plan'];
    expect(existsSync(join(repositoryRoot, planPath))).toBe(true);
    expect(component.metadata.name).toBe(plan().plan!.metadata.service);
    expect(component.spec.owner).toBe(
      `group:default/${plan().plan!.metadata.owner}`,
    );
    expect(
      deployment().spec.template.metadata.labels['backstage.io/kubernetes-id'],
    ).toBe(component.metadata.annotations['backstage.io/kubernetes-id']);
    expect(
      component.metadata.annotations['backstage.io/kubernetes-namespace'],
    ).toBe(deployment().metadata.namespace);
    expect(resource.metadata.name).toBe(
      (production() as any).data.databases[0].name,
    );
    expect(component.spec.dependsOn).toContain(
      `resource:default/${resource.metadata.name}`,
    );
  });
});
