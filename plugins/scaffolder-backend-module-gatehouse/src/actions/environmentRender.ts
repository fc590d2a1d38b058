import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  presetEnvironmentPlan,
  REPOSITORY_KINDS,
  TIERS,
} from '@gatehouse/plugin-infra-plans-common';
import { renderEnvironmentRepository } from '@gatehouse/plugin-infra-plans-node';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import yaml from 'yaml';
import { examples } from './environmentRender.examples';
import { readPlanInput, requireValidPlan } from './shared/planInput';
import type { Clock } from '@gatehouse/clock';

/**
 * `gatehouse:environment:render`: writes an environment's IaC repository
 * (Terraform, Kubernetes manifests, alert rules, documents, catalog entity)
 * into the workspace, from a given plan or from the tier preset the "new
 * environment" form describes.
 */
/**
 * @param options.clock - the date plans are validated on and presets are made
 *   for (the newest Kubernetes version in standard support then)
 */
export function createEnvironmentRenderAction(options: { clock: Clock }) {
  return createTemplateAction({
    id: 'gatehouse:environment:render',
    description:
      "Renders an environment's infrastructure repository into the workspace from an infrastructure plan, or from a tier preset and the form's options.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        service: z =>
          z.string({
            description:
              'The service, as an entity ref: component:default/orchestrator-api',
          }),
        owner: z =>
          z.string({ description: 'Owning group (name or entity ref)' }),
        system: z => z.string().optional(),
        environment: z =>
          z
            .string({ description: 'Environment name, a DNS label' })
            .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
            .max(40),
        plan: z =>
          z
            .union([z.string(), z.record(z.unknown())], {
              description:
                'The infrastructure plan as YAML text or an object; default: infra-plan.yaml in the workspace',
            })
            .optional(),
        tier: z => z.enum(TIERS).optional(),
        region: z => z.string().optional(),
        database: z => z.boolean().optional(),
        cache: z => z.boolean().optional(),
        objectStorage: z => z.boolean().optional(),
        delivery: z => z.enum(['rolling', 'blue-green', 'canary']).optional(),
        vpcCidr: z => z.string().optional(),
        image: z =>
          z
            .string({ description: 'Container image of the service' })
            .optional(),
        host: z =>
          z
            .string({ description: 'Public host name of the service' })
            .optional(),
        clusterRef: z =>
          z
            .string({
              description:
                'The shared cluster Resource it runs on; default: the cluster the repository creates',
            })
            .optional(),
        repositoryUrl: z => z.string().optional(),
        repository: z =>
          z
            .object(
              {
                kind: z.enum(REPOSITORY_KINDS),
                location: z.string().min(1),
                branch: z.string().min(1).default('main'),
              },
              {
                description:
                  'Where the repository is published: recorded on the environment entity so changes are proposed there',
              },
            )
            .optional(),
        targetPath: z =>
          z
            .string({ description: 'Folder in the workspace (default .)' })
            .optional(),
        change: z =>
          z
            .object(
              {
                requestId: z.string().min(1),
                contentHash: z.string().regex(/^[a-f0-9]{64}$/),
              },
              {
                description:
                  'The approved change being delivered (follow-ups): every Kubernetes object names it',
              },
            )
            .optional(),
      },
      output: {
        plan: z => z.string({ description: 'The plan rendered, as YAML' }),
        entityRef: z =>
          z.string({ description: 'The environment Resource it registers' }),
        files: z => z.array(z.string()),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const service = parseEntityRef(input.service, {
        defaultKind: 'component',
      });
      const asOf = options.clock.now();
      let text: string;
      if (input.plan) {
        const { result } = await readPlanInput(
          { plan: input.plan },
          ctx.workspacePath,
          asOf,
        );
        requireValidPlan(result);
        text =
          typeof input.plan === 'string'
            ? input.plan
            : yaml.stringify(input.plan);
      } else {
        if (!input.tier) {
          throw new InputError('Give either a plan or a tier to start from');
        }
        text = yaml.stringify(
          presetEnvironmentPlan({
            service: service.name,
            owner: input.owner,
            system: input.system || undefined,
            environment: input.environment,
            tier: input.tier,
            region: input.region,
            database: input.database,
            cache: input.cache,
            objectStorage: input.objectStorage,
            delivery: input.delivery,
            vpcCidr: input.vpcCidr,
            asOf,
            workload: {
              name: service.name.slice(0, 40),
              image: input.image || undefined,
              host: input.host || undefined,
            },
          }),
        );
      }
      const { result } = await readPlanInput(
        { plan: text },
        ctx.workspacePath,
        asOf,
      );
      const plan = requireValidPlan(result, `The ${input.environment} plan`);
      if (!plan.spec.environments[input.environment]) {
        throw new InputError(
          `The plan has no environment "${
            input.environment
          }"; it has ${Object.keys(plan.spec.environments).join(', ')}`,
        );
      }
      const repository = renderEnvironmentRepository({
        plan,
        environment: input.environment,
        serviceRef: `component:${service.namespace}/${service.name}`,
        repositoryUrl: input.repositoryUrl,
        repository: input.repository && {
          ...input.repository,
          branch: input.repository.branch ?? 'main',
        },
        // Templates pass '' for "none".
        clusterRef: input.clusterRef || undefined,
        change: input.change,
      });
      const root = resolveSafeChildPath(
        ctx.workspacePath,
        input.targetPath ?? '.',
      );
      for (const file of repository.files) {
        const target = resolveSafeChildPath(root, file.path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, file.content);
      }
      ctx.logger.info(
        `Rendered ${repository.files.length} files for ${service.name} ${input.environment} (${result.warningCount} plan warning(s))`,
      );
      ctx.output('plan', text);
      ctx.output(
        'entityRef',
        `resource:${service.namespace}/${service.name}-${input.environment}`,
      );
      ctx.output(
        'files',
        repository.files.map(f => f.path),
      );
    },
  });
}
