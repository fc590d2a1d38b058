import {
  BackstageCredentials,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  diffPlans,
  InfraPlan,
  parsePlan,
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
import type { Clock } from '@gatehouse/clock';

/** The environment entity and the text of its current plan revision. */
export type LoadEnvironmentPlan = (
  entityRef: string,
  credentials: BackstageCredentials,
) => Promise<{ entity: Entity; yaml: string }>;

/** The values the "change an environment" form can set; absent means unchanged. */
export type EnvironmentChanges = {
  nodeGroupMin?: number;
  nodeGroupDesired?: number;
  nodeGroupMax?: number;
  instanceType?: string;
  replicas?: number;
  autoscalingMin?: number;
  autoscalingMax?: number;
  databaseInstanceClass?: string;
  databaseMultiAz?: boolean;
};

/** Applies the form's values to the first node group, workload and database. */
export function applyEnvironmentChanges(
  plan: InfraPlan,
  environment: string,
  changes: EnvironmentChanges,
): InfraPlan {
  const next: InfraPlan = structuredClone(plan);
  const env = next.spec.environments[environment];
  const group = env.compute.nodeGroups[0];
  if (changes.nodeGroupMin !== undefined) group.minSize = changes.nodeGroupMin;
  if (changes.nodeGroupDesired !== undefined)
    group.desiredSize = changes.nodeGroupDesired;
  if (changes.nodeGroupMax !== undefined) group.maxSize = changes.nodeGroupMax;
  if (changes.instanceType) group.instanceTypes = [changes.instanceType];
  const workload = env.workloads[0];
  if (workload) {
    if (changes.replicas !== undefined) workload.replicas = changes.replicas;
    if (workload.autoscaling) {
      if (changes.autoscalingMin !== undefined)
        workload.autoscaling.minReplicas = changes.autoscalingMin;
      if (changes.autoscalingMax !== undefined)
        workload.autoscaling.maxReplicas = changes.autoscalingMax;
    }
  }
  const database = env.data?.databases?.[0];
  if (database) {
    if (changes.databaseInstanceClass)
      database.instanceClass = changes.databaseInstanceClass;
    if (changes.databaseMultiAz !== undefined)
      database.multiAz = changes.databaseMultiAz;
  }
  next.metadata.revision = (plan.metadata.revision ?? 1) + 1;
  return next;
}

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
            nodeGroupMin: z.number().int().min(0).optional(),
            nodeGroupDesired: z.number().int().min(0).optional(),
            nodeGroupMax: z.number().int().min(0).optional(),
            instanceType: z.string().optional(),
            replicas: z.number().int().min(0).optional(),
            autoscalingMin: z.number().int().min(0).optional(),
            autoscalingMax: z.number().int().min(0).optional(),
            databaseInstanceClass: z.string().optional(),
            databaseMultiAz: z.boolean().optional(),
          }),
        targetPath: z => z.string().optional(),
      },
      output: {
        environment: z => z.string(),
        serviceRef: z => z.string(),
        repoName: z => z.string(),
        priorPlan: z => z.string(),
        plan: z => z.string(),
        planChanges: z => z.array(z.string()),
        fileChanges: z =>
          z.array(z.object({ path: z.string(), status: z.string() })),
        diff: z => z.string(),
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
      const environment =
        entity.metadata.annotations?.['gatehouse.io/environment'] &&
        prior.spec.environments[
          entity.metadata.annotations['gatehouse.io/environment']
        ]
          ? entity.metadata.annotations['gatehouse.io/environment']
          : Object.keys(prior.spec.environments)[0];
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
      const render = (plan: InfraPlan) =>
        renderEnvironmentRepository({
          plan,
          environment,
          serviceRef,
          clusterRef,
        });
      const before = render(prior);
      const after = render(next);
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
      ctx.output('repoName', entity.metadata.name);
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
    },
  });
}
