import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type {
  ChangeRequest,
  SubmitRequest,
} from '@gatehouse/plugin-approvals-common';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { readdir } from 'node:fs/promises';
import { examples } from './approvalRequest.examples';

/** Sends a change request to the approvals backend on behalf of the template's user. */
export type SubmitChangeRequest = (
  request: SubmitRequest,
  credentials: BackstageCredentials,
) => Promise<ChangeRequest>;

/** Every file under the workspace, as the generated IaC that the approvers review. */
async function workspaceFiles(
  root: string,
): Promise<Array<{ path: string; content: string }>> {
  const files: Array<{ path: string; content: string }> = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') await walk(full);
      } else if (entry.isFile()) {
        files.push({
          path: relative(root, full),
          content: await readFile(full, 'utf8'),
        });
      }
    }
  };
  await walk(root);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** A template expression that rendered to nothing ('' or whitespace) means "not given". */
function present<T extends string | Record<string, unknown>>(
  value: T | undefined,
): T | undefined {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/**
 * `gatehouse:approval:request`: records the change for human sign-off. An
 * automatically approved change continues in the same task (output
 * `autoApproved`); otherwise the template ends with a link to the request and
 * the approvals backend starts `followUp` once people approve.
 */
export function createApprovalRequestAction(options: {
  submit: SubmitChangeRequest;
}) {
  return createTemplateAction({
    id: 'gatehouse:approval:request',
    description:
      'Queues an infrastructure change for approval with its cost estimate, risk, rollback and test plan. Outputs the request and whether it was approved automatically.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        title: z => z.string({ description: 'What the change does' }).min(3),
        entityRef: z =>
          z.string({
            description:
              'The service the change is for, e.g. component:default/orchestrator-api',
          }),
        environment: z =>
          z.string({
            description:
              'An environment of the entity: an environment Resource it depends on in the catalog, an environment of its infrastructure plan, or (for a new environment) of infraPlan. Its tier, not its name, decides the approvals it needs',
          }),
        plan: z =>
          z
            .union([z.string(), z.record(z.unknown())], {
              description: 'terraform show -json output (object or text)',
            })
            .optional(),
        infraPlan: z =>
          z
            .union([z.string(), z.record(z.unknown())], {
              description:
                'The infrastructure plan (infra-plan.yaml as YAML text or an object) with the environment to change: priced by the cost plugin and assessed from its diff',
            })
            .optional(),
        priorInfraPlan: z =>
          z
            .union([z.string(), z.record(z.unknown())], {
              description:
                'The infrastructure plan in force now (YAML text or object), to diff and price against; leave out for a new environment',
            })
            .optional(),
        includeWorkspace: z =>
          z
            .boolean({
              description:
                'Submit the files generated in the workspace for review (default true)',
            })
            .optional(),
        rollbackPlan: z =>
          z.string({ description: 'How to undo the change (markdown)' }).min(1),
        testPlan: z =>
          z
            .string({ description: 'How the change is tested (markdown)' })
            .min(1),
        monitoring: z => z.string().optional(),
        timeline: z => z.string().optional(),
        questions: z =>
          z
            .string({ description: 'Open questions for the approvers' })
            .optional(),
        followUpTemplate: z =>
          z
            .string({
              description: 'Template to run with followUpValues once approved',
            })
            .optional(),
        followUpValues: z => z.record(z.unknown()).optional(),
      },
      output: {
        requestId: z => z.string(),
        status: z => z.string(),
        autoApproved: z => z.boolean(),
        contentHash: z => z.string(),
        policySummary: z => z.string(),
        url: z => z.string(),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const files =
        input.includeWorkspace === false
          ? []
          : await workspaceFiles(ctx.workspacePath);
      const infraPlan = present(input.infraPlan);
      const request: SubmitRequest = {
        title: input.title,
        entityRef: input.entityRef,
        environment: input.environment,
        plan: input.plan,
        infraPlan: infraPlan
          ? { plan: infraPlan, priorPlan: present(input.priorInfraPlan) }
          : undefined,
        files: files.length > 0 ? files : undefined,
        notes: {
          rollbackPlan: input.rollbackPlan,
          testPlan: input.testPlan,
          monitoring: input.monitoring,
          timeline: input.timeline,
          questions: input.questions,
        },
        inputs: {
          template: ctx.templateInfo?.entityRef ?? null,
          values: ctx.input as Record<string, unknown>,
        },
        followUp: input.followUpTemplate
          ? {
              templateRef: input.followUpTemplate,
              values: input.followUpValues ?? {},
            }
          : undefined,
      };

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would submit "${input.title}" with ${files.length} file(s)${
            infraPlan ? ' and an infrastructure plan' : ''
          } for approval`,
        );
        ctx.output('requestId', 'dry-run');
        ctx.output('status', 'dry-run');
        ctx.output('autoApproved', false);
        ctx.output('contentHash', '');
        ctx.output('policySummary', 'not submitted (dry run)');
        ctx.output('url', '');
        return;
      }

      // A retried task must not submit the same change twice.
      const created = await ctx.checkpoint({
        key: `approval-request:${input.entityRef}:${input.environment}`,
        fn: async () => {
          const answer = await options.submit(
            request,
            await ctx.getInitiatorCredentials(),
          );
          return {
            id: answer.id,
            status: answer.status,
            contentHash: answer.contentHash,
            policySummary: answer.policySummary,
          };
        },
      });
      const autoApproved = created.status === 'auto-approved';
      ctx.logger.info(
        autoApproved
          ? `Approved automatically: ${created.policySummary}`
          : `Waiting for approval (${created.policySummary}): /approvals/requests/${created.id}`,
      );
      ctx.output('requestId', created.id);
      ctx.output('status', created.status);
      ctx.output('autoApproved', autoApproved);
      ctx.output('contentHash', created.contentHash);
      ctx.output('policySummary', created.policySummary);
      ctx.output('url', `/approvals/requests/${created.id}`);
    },
  });
}
