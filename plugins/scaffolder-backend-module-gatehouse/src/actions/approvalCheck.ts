import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type {
  ChangeRequest,
  GateAnswer,
} from '@gatehouse/plugin-approvals-common';
import { isDeepStrictEqual } from 'node:util';
import { examples } from './approvalCheck.examples';

/** Reads a change request and its gate answer from the approvals backend. */
export type ReadApproval = (
  requestId: string,
  contentHash: string,
  credentials: BackstageCredentials,
) => Promise<{ request: ChangeRequest; gate: GateAnswer }>;

/** The key under which the approvals backend hands a follow-up its request. */
export const APPROVAL_VALUE_KEY = 'approval';

const withoutApproval = (values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(values).filter(([key]) => key !== APPROVAL_VALUE_KEY),
  );

/**
 * `gatehouse:approval:check`: the first step of a follow-up template. It goes
 * on only when the named request is approved at exactly that revision, for
 * the same service and environment, and the values the template runs with
 * are the ones people approved — so running the follow-up by hand cannot
 * skip the gate or change what was approved.
 */
export function createApprovalCheckAction(options: { read: ReadApproval }) {
  return createTemplateAction({
    id: 'gatehouse:approval:check',
    description:
      'Fails unless the given change request is approved at the given content hash, for this service and environment, with exactly these template values.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        approval: z =>
          z.object(
            { requestId: z.string(), contentHash: z.string() },
            {
              description:
                'Set by the approvals backend when it starts the follow-up',
            },
          ),
        entityRef: z => z.string(),
        environment: z => z.string(),
        values: z =>
          z.record(z.unknown(), {
            description:
              "The template's parameters, compared with the approved values",
          }),
      },
      output: { requestId: z => z.string() },
    },
    async handler(ctx) {
      const { approval, entityRef, environment, values } = ctx.input;
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would check ${approval.requestId}`);
        ctx.output('requestId', approval.requestId);
        return;
      }
      const { request, gate } = await options.read(
        approval.requestId,
        approval.contentHash,
        await ctx.getInitiatorCredentials(),
      );
      const problems: string[] = [];
      if (!gate.approved) problems.push(`it is not approved: ${gate.reason}`);
      if (
        request.entityRef !== entityRef ||
        request.environment !== environment
      )
        problems.push(
          `it is for ${request.entityRef} ${request.environment}, not ${entityRef} ${environment}`,
        );
      // The follow-up values were part of the request's inputs, so of its hash.
      const approvedValues = request.followUp?.values;
      if (
        !approvedValues ||
        !isDeepStrictEqual(
          withoutApproval(approvedValues),
          withoutApproval(values),
        )
      ) {
        problems.push('the values differ from the ones that were approved');
      }
      if (problems.length > 0) {
        throw new NotAllowedError(
          `Change request ${
            approval.requestId
          } does not allow this run: ${problems.join('; ')}`,
        );
      }
      ctx.logger.info(
        `Change request ${approval.requestId} is approved at ${approval.contentHash}`,
      );
      ctx.output('requestId', approval.requestId);
    },
  });
}
