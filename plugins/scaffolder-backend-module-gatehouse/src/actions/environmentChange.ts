import {
  BackstageCredentials,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  diffPlans,
  environmentOfPlan,
  InfraPlan,
  parsePlan,
  repositoryCloneUrl,
  repositoryOfEntity,
  repositoryWebUrl,
} from '@gatehouse/plugin-infra-plans-common';
import {
  diffRepositories,
  renderEnvironmentRepository,
} from '@gatehouse/plugin-infra-plans-node';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import yaml from 'yaml';
import { examples } from './environmentChange.examples';
import { requireValidPlan } from './shared/planInput';
import { applyEnvironmentChanges } from './environmentParts';

import type { Clock } from '@gatehouse/clock';

/** The environment entity and the text of its current plan revision. */
export type LoadEnvironmentPlan = (
  entityRef: string,
  credentials: BackstageCredentials,
) => Promise<{ entity: Entity; yaml: string }>;

/**
 * `gatehouse:environment:change`: loads an environment's current plan, applies
 * the requested values, renders the repository again and answers the plan's
 * semantic diff and the file diffs for review.
 */
export function createEnvironmentChangeAction(options: {
  load: LoadEnvironmentPlan;
  /** The date plans are validated on. */
  clock: Clock;
}) {
  return createTemplateAction({
    id: 'gatehouse:environment:change',
    description:
      "Changes values of an existing environment's infrastructure plan, renders its repository again into the workspace, and outputs the plan and file diffs.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        environmentRef: z =>
          z.string({
            description:
              'The environment Resource, e.g. resource:default/orchestrator-api-perf-test',
          }),
        changes: z =>
          z.object({
            nodeGroup: z
              .string({ description: 'Which node group (default: the first)' })
              .optional(),
            nodeGroupMin: z.number().int().min(0).optional(),
            nodeGroupDesired: z.number().int().min(0).optional(),
            nodeGroupMax: z.number().int().min(0).optional(),
            instanceType: z.string().optional(),
            workload: z
              .string({ description: 'Which workload (default: the first)' })
              .optional(),
            replicas: z.number().int().min(0).optional(),
            autoscalingMin: z.number().int().min(0).optional(),
            autoscalingMax: z.number().int().min(0).optional(),
            database: z
              .string({ description: 'Which database (default: the first)' })
              .optional(),
            databaseInstanceClass: z.string().optional(),
            databaseMultiAz: z.boolean().optional(),
            cache: z
              .string({ description: 'Which cache (default: the first)' })
              .optional(),
            cacheNodeType: z.string().optional(),
            cacheReplicasPerShard: z.number().int().min(0).max(5).optional(),
            cacheMultiAz: z.boolean().optional(),
            bucket: z
              .string({ description: 'Which bucket (default: the first)' })
              .optional(),
            bucketVersioning: z.boolean().optional(),
            queue: z
              .string({ description: 'Which queue (default: the first)' })
              .optional(),
            queueVisibilityTimeout: z
              .string({ description: 'A duration such as 30s or 5m' })
              .optional(),
            queueRetention: z
              .string({ description: 'A duration such as 4d' })
              .optional(),
            images: z
              .array(
                z.object({
                  workload: z.string({
                    description: 'The workload, by name; it must exist',
                  }),
                  image: z
                    .string({
                      description:
                        'The whole image reference, name[:tag][@digest], e.g. ghcr.io/acme/api:1.4.2',
                    })
                    .optional(),
                  version: z
                    .string({
                      description:
                        "Or only the new tag (1.4.2) or digest (sha256:…) on the workload's current repository",
                    })
                    .optional(),
                }),
                {
                  description:
                    'New images of workloads (a deployment); in production each must name a version: no latest, no missing tag',
                },
              )
              .optional(),
            rolloutStrategy: z
              .enum(['unchanged', 'canary', 'blue-green'], {
                description:
                  "Whose rollout settings these are; the other strategy's values are not applied. Default: the strategy of the values given",
              })
              .optional(),
            canarySteps: z
              .array(
                z.object({
                  weight: z.number().int().min(1).max(100),
                  pause: z
                    .string({ description: 'A duration such as 5m' })
                    .optional(),
                }),
                {
                  description:
                    "The environment's canary steps: percent of traffic to the new version, rising, each with an optional pause",
                },
              )
              .min(1)
              .optional(),
            blueGreenAutoPromote: z.boolean().optional(),
            blueGreenScaleDownDelay: z
              .string({ description: 'A duration such as 10m' })
              .optional(),
            blueGreenPreviewReplicas: z.number().int().min(1).optional(),
          }),
        targetPath: z => z.string().optional(),
        approval: z =>
          z
            .object(
              {
                requestId: z.string().min(1),
                contentHash: z.string().regex(/^[a-f0-9]{64}$/),
              },
              {
                description:
                  'The approved change being delivered (follow-ups): every Kubernetes object of the new render names it',
              },
            )
            .optional(),
      },
      output: {
        environment: z => z.string(),
        serviceRef: z => z.string(),
        repoName: z => z.string(),
        repository: z =>
          z
            .object({
              kind: z.string(),
              location: z.string(),
              branch: z.string(),
              cloneUrl: z.string().optional(),
              webUrl: z.string().optional(),
            })
            .describe(
              "Where the environment's repository lives (from its gatehouse.io/repository annotation; local and named after the entity when it has none)",
            ),
        priorPlan: z => z.string(),
        plan: z => z.string(),
        planChanges: z => z.array(z.string()),
        fileChanges: z =>
          z.array(z.object({ path: z.string(), status: z.string() })),
        diff: z => z.string(),
        removedFiles: z =>
          z
            .array(z.string())
            .describe(
              'Paths the new render no longer has (publishers that only add files, such as publish:github:pull-request, must be told)',
            ),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const { entity, yaml: priorText } = await options.load(
        input.environmentRef,
        await ctx.getInitiatorCredentials(),
      );
      const asOf = options.clock.now();
      const prior = requireValidPlan(
        parsePlan(priorText, { asOf }),
        'The current plan',
      );
      const environment = environmentOfPlan(
        prior,
        entity.metadata.annotations?.['gatehouse.io/environment'],
      );
      const nextPlan = applyEnvironmentChanges(
        prior,
        environment,
        input.changes,
      );
      const text = yaml.stringify(nextPlan);
      const next = requireValidPlan(
        parsePlan(text, { asOf }),
        'The changed plan',
      );
      const planChanges = diffPlans(prior, next).filter(
        change => change.path !== 'metadata.revision',
      );
      if (planChanges.length === 0) {
        throw new InputError(
          'Nothing would change: every value given equals the current plan',
        );
      }
      const serviceRef = `component:default/${prior.metadata.service}`;
      const clusterRef = (entity.spec?.dependsOn as string[] | undefined)?.find(
        ref => ref.startsWith('resource:'),
      );
      // Environments published before repositories were recorded live in
      // the local repositories, named after the entity.
      const repository = repositoryOfEntity(entity.metadata.annotations) ?? {
        kind: 'local' as const,
        location: entity.metadata.name,
        branch: 'main',
      };
      const render = (plan: InfraPlan, change?: typeof input.approval) =>
        renderEnvironmentRepository({
          plan,
          environment,
          serviceRef,
          clusterRef,
          repository,
          change,
        });
      const before = render(prior);
      const after = render(next, input.approval);
      const fileChanges = diffRepositories(before, after);

      const root = resolveSafeChildPath(
        ctx.workspacePath,
        input.targetPath ?? '.',
      );
      for (const file of after.files) {
        const target = resolveSafeChildPath(root, file.path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, file.content);
      }
      for (const change of planChanges)
        ctx.logger.info(`plan: ${change.summary}`);
      for (const change of fileChanges)
        ctx.logger.info(`file ${change.status}: ${change.path}`);
      ctx.output('environment', environment);
      ctx.output('serviceRef', serviceRef);
      ctx.output(
        'repoName',
        repository.kind === 'local'
          ? repository.location
          : entity.metadata.name,
      );
      ctx.output('repository', {
        ...repository,
        cloneUrl: repositoryCloneUrl(repository),
        webUrl: repositoryWebUrl(repository),
      });
      ctx.output('priorPlan', priorText);
      ctx.output('plan', text);
      ctx.output(
        'planChanges',
        planChanges.map(change => change.summary),
      );
      ctx.output(
        'fileChanges',
        fileChanges.map(({ path, status }) => ({ path, status })),
      );
      ctx.output('diff', fileChanges.map(change => change.diff).join('\n'));
      ctx.output(
        'removedFiles',
        fileChanges.filter(c => c.status === 'removed').map(c => c.path),
      );
    },
  });
}
