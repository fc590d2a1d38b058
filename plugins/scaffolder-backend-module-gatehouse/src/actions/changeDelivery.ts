import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type {
  ChangeRequest,
  DeliveryReport,
} from '@gatehouse/plugin-approvals-common';
import { formatCostDelta } from '@gatehouse/plugin-cost-common';
import { withChangeTrailers } from '@gatehouse/plugin-infra-plans-common';
import { describeExamples, proposedExamples } from './changeDelivery.examples';

/** Reads a change request and reports its delivery, as the template's runner. */
export type DeliveryCalls = {
  get(id: string, credentials: BackstageCredentials): Promise<ChangeRequest>;
  report(
    id: string,
    report: DeliveryReport,
    credentials: BackstageCredentials,
  ): Promise<ChangeRequest>;
};

const approvalInput = (z: any) =>
  z.object({
    requestId: z.string().min(1),
    contentHash: z.string().regex(/^[a-f0-9]{64}$/),
  });

/** The pull request's text: what was approved, by whom, and what it costs. */
export function proposalDescription(
  request: ChangeRequest,
  requestUrl: string,
): string {
  const approvals = request.decisions.filter(
    d => d.decision === 'approve' && d.revision === request.revision,
  );
  let approvers = 'none recorded';
  if (approvals.length) {
    approvers = approvals
      .map(
        d =>
          `${d.approver.replace(/^user:default\//, '')} (${d.createdAt.slice(
            0,
            10,
          )})`,
      )
      .join(', ');
  } else if (request.status === 'auto-approved') {
    approvers = 'approved automatically by the policy';
  }
  const cost =
    request.costDelta === null
      ? 'not priced'
      : `${formatCostDelta(request.costDelta)} (Gatehouse's estimate)`;
  return [
    `This change was approved in Gatehouse: [${request.title}](${requestUrl}).`,
    '',
    `- Change request: \`${request.id}\` (revision ${request.revision}, ${request.status})`,
    `- Content hash: \`${request.contentHash}\``,
    `- Cost change: ${cost}`,
    `- Approved by: ${approvers}`,
    `- Policy: ${request.policySummary}`,
    '',
    'Its commits carry `Gatehouse-Change` and `Gatehouse-Hash` trailers: Gatehouse follows the change from here until it is applied, and flags commits on the target branch that carry no approved change.',
  ].join('\n');
}

/**
 * `gatehouse:change:describe`: what a follow-up needs to propose an approved
 * change where the environment lives — the pull request's title and
 * description, the commit message with the change's trailers, and a branch
 * name of its own.
 */
export function createChangeDescribeAction(options: {
  calls: DeliveryCalls;
  /** The portal's address, for links back to the request. */
  appBaseUrl: string;
}) {
  return createTemplateAction({
    id: 'gatehouse:change:describe',
    description:
      'Describes an approved change request for its pull request: title, description (link, content hash, cost change, approvers), a commit message with Gatehouse-Change/Gatehouse-Hash trailers, and a branch name.',
    examples: describeExamples,
    supportsDryRun: true,
    schema: {
      input: {
        approval: approvalInput,
        summary: z =>
          z.string({ description: "The commit message's first line" }).min(1),
      },
      output: {
        title: z => z.string(),
        description: z => z.string(),
        commitMessage: z => z.string(),
        branchName: z => z.string(),
        requestUrl: z => z.string(),
      },
    },
    async handler(ctx) {
      const { approval, summary } = ctx.input;
      const requestUrl = `${options.appBaseUrl}/approvals/requests/${approval.requestId}`;
      ctx.output(
        'commitMessage',
        withChangeTrailers(summary, {
          requestId: approval.requestId,
          contentHash: approval.contentHash,
        }),
      );
      ctx.output(
        'branchName',
        `gatehouse/change-${approval.requestId.slice(0, 8)}`,
      );
      ctx.output('requestUrl', requestUrl);
      if (ctx.isDryRun) {
        // A dry run names no real request: nothing to read.
        ctx.output('title', summary);
        ctx.output(
          'description',
          'Dry run: the change request is read when the template really runs.',
        );
        return;
      }
      const request = await options.calls.get(
        approval.requestId,
        await ctx.getInitiatorCredentials(),
      );
      ctx.output('title', `${summary} (Gatehouse ${request.id.slice(0, 8)})`);
      ctx.output('description', proposalDescription(request, requestUrl));
    },
  });
}

/**
 * `gatehouse:change:proposed`: tells the approvals backend where the
 * approved change was proposed (the pull request, branch or commit), the
 * first step of its delivery timeline.
 */
export function createChangeProposedAction(options: { calls: DeliveryCalls }) {
  return createTemplateAction({
    id: 'gatehouse:change:proposed',
    description:
      'Records on the change request where its approved change was proposed: a pull or merge request, a pushed branch, or a commit on the local repositories.',
    examples: proposedExamples,
    supportsDryRun: true,
    schema: {
      input: {
        approval: approvalInput,
        link: z =>
          z
            .string({ description: 'The pull request or branch (a URL)' })
            .optional(),
        commit: z =>
          z.string({ description: 'The commit proposed' }).optional(),
        detail: z =>
          z
            .string({ description: 'Where, in words (branch, repository)' })
            .optional(),
      },
      output: { deliveryState: z => z.string() },
    },
    async handler(ctx) {
      const { approval, link, commit, detail } = ctx.input;
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would record ${approval.requestId} proposed`);
        ctx.output('deliveryState', 'proposed');
        return;
      }
      const request = await options.calls.report(
        approval.requestId,
        {
          step: 'proposed',
          contentHash: approval.contentHash,
          // Templates pass '' for "none".
          link: link || undefined,
          commit:
            commit && /^[a-f0-9]{7,64}$/.test(commit) ? commit : undefined,
          detail: detail || undefined,
        },
        await ctx.getInitiatorCredentials(),
      );
      ctx.output('deliveryState', request.delivery?.state ?? 'proposed');
    },
  });
}
