import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '@gatehouse/plugin-infra-plans-common';
import { checkKubernetesFiles } from './checks/kubernetes';
import { checkTerraformFiles } from './checks/terraform';
import { checkTerraformProviderSchema } from './checks/terraformProviderSchema';
import { renderEnvironmentRepository } from './renderEnvironmentRepository';
import {
  hasFile,
  hclOf,
  ingressSettingsOf,
  kustomizeBuild,
  requireTool,
  yamlOf,
} from './__testUtils__/repository';

jest.setTimeout(120_000);

const PLANS_DIR = join(__dirname, '../../../examples/plans');

const cases = readdirSync(PLANS_DIR).flatMap(service => {
  const result = parsePlan(
    readFileSync(join(PLANS_DIR, service, 'infra-plan.yaml'), 'utf8'),
  );
  if (!result.plan) throw new Error(`examples/plans/${service} does not parse`);
  return Object.keys(result.plan.spec.environments).map(environment => ({
    service,
    environment,
    plan: result.plan!,
  }));
});

describe('the example plans', () => {
  it('are all found', () => {
    expect(new Set(cases.map(c => c.service)).size).toBeGreaterThanOrEqual(4);
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)(
    'render $service / $environment into files that pass the checks',
    async ({ plan, environment }) => {
      requireTool('terraform');
      const repo = renderEnvironmentRepository({ plan, environment });
      const terraform = await checkTerraformFiles(repo.files);
      expect(terraform.issues).toEqual([]);
      expect(terraform.checkedWith).toHaveLength(4);
      expect(await checkTerraformProviderSchema(repo.files)).toEqual([]);
      expect(checkKubernetesFiles(repo.files)).toEqual([]);
      const env = plan.spec.environments[environment];
      expect(hasFile(repo, 'terraform/queues.tf')).toBe(
        (env.data?.queues ?? []).length > 0,
      );
      for (const workload of env.workloads) {
        const strategy = env.delivery?.strategy ?? 'rolling';
        const file = strategy === 'rolling' ? 'deployment' : 'rollout';
        const object = yamlOf(repo, `kubernetes/${workload.name}/${file}.yaml`);
        expect(object.spec.template.spec.containers[0].image).toBe(
          workload.image,
        );
      }
    },
  );

  it.each(cases)(
    'route $service / $environment through one Ingress per exposed workload',
    async ({ plan, environment }) => {
      const repo = renderEnvironmentRepository({ plan, environment });
      const env = plan.spec.environments[environment];
      const exposed = env.workloads.filter(w => w.expose);
      for (const workload of exposed) {
        const ingress = yamlOf(
          repo,
          `kubernetes/${workload.name}/ingress.yaml`,
        );
        expect(ingress.spec.rules[0].host).toBe(workload.expose!.host);
        expect(ingress.spec.rules[0].http.paths[0].backend.service.name).toBe(
          workload.name,
        );
        expect(
          ingress.metadata.annotations['alb.ingress.kubernetes.io/group.name'],
        ).toBe(
          `${plan.metadata.service}-${environment}-${
            workload.expose!.loadBalancer
          }`,
        );
      }
      const lb: Record<string, any> = hasFile(repo, 'terraform/loadbalancer.tf')
        ? await hclOf(repo, 'terraform/loadbalancer.tf')
        : {};
      const albs = (env.network.loadBalancers ?? []).filter(
        l => l.type === 'application',
      );
      for (const alb of albs) {
        expect(lb.resource?.aws_lb?.[alb.name]).toBeUndefined();
      }
    },
  );

  describe('with kubectl', () => {
    beforeAll(() => requireTool('kubectl'));

    it.each(
      cases.filter(c =>
        c.plan.spec.environments[c.environment].workloads.some(w => w.expose),
      ),
    )(
      'build $service / $environment with kustomize into complete Ingresses',
      async ({ plan, environment }) => {
        const repo = renderEnvironmentRepository({ plan, environment });
        const keys = Object.keys(await ingressSettingsOf(repo));
        const built = kustomizeBuild(
          repo,
          Object.fromEntries(keys.map(k => [k, `value-of-${k}`])),
        );
        expect(built.filter(o => o.kind === 'Ingress')).toHaveLength(
          plan.spec.environments[environment].workloads.filter(w => w.expose)
            .length,
        );
        expect(JSON.stringify(built)).not.toContain('set by kustomize');
        expect(built.map(o => o.kind)).not.toContain('ConfigMap');
      },
    );
  });

  it.each(cases)(
    'render $service / $environment with target-group-binding into files that pass the checks',
    async ({ plan, environment }) => {
      const repo = renderEnvironmentRepository({
        plan,
        environment,
        loadBalancing: 'target-group-binding',
      });
      const terraform = await checkTerraformFiles(repo.files);
      expect(terraform.issues).toEqual([]);
      expect(await checkTerraformProviderSchema(repo.files)).toEqual([]);
      expect(checkKubernetesFiles(repo.files)).toEqual([]);
      expect(repo.files.some(f => f.content.includes('kind: Ingress'))).toBe(
        false,
      );
      const planned = (
        plan.spec.environments[environment].network.loadBalancers ?? []
      ).map(l => l.name);
      const lb: Record<string, any> = hasFile(repo, 'terraform/loadbalancer.tf')
        ? await hclOf(repo, 'terraform/loadbalancer.tf')
        : {};
      // Terraform creates every planned load balancer, application ones too.
      expect(Object.keys(lb.resource?.aws_lb ?? {}).sort()).toEqual(
        planned.sort(),
      );
    },
  );

  it('scale task-runner on queue depth through an external metric', () => {
    const { plan } = cases.find(
      c => c.service === 'task-runner' && c.environment === 'production',
    )!;
    const repo = renderEnvironmentRepository({
      plan,
      environment: 'production',
    });
    const hpa = yamlOf(repo, 'kubernetes/runner/hpa.yaml');
    const external = hpa.spec.metrics.find((m: any) => m.type === 'External');
    expect(external.external.metric).toEqual({
      name: 'sqs_messages_visible',
      selector: {
        matchLabels: { queue_name: 'task-runner-production-task-queue' },
      },
    });
  });

  it('give task-runner a dead-letter queue with the redrive policy of the plan', async () => {
    const { plan } = cases.find(
      c => c.service === 'task-runner' && c.environment === 'development',
    )!;
    const repo = renderEnvironmentRepository({
      plan,
      environment: 'development',
    });
    const queues = (await hclOf(repo, 'terraform/queues.tf')).resource
      .aws_sqs_queue;
    expect(queues['task-queue'][0].visibility_timeout_seconds).toBe(900);
    expect(queues['task-queue'][0].message_retention_seconds).toBe(4 * 86400);
    expect(queues['task-queue'][0].redrive_policy).toMatch(
      /maxReceiveCount += 5/,
    );
    expect(queues['task-queue_dlq'][0].name).toBe(
      'task-runner-development-task-queue-dlq',
    );
  });
});
