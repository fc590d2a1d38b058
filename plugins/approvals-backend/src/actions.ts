import type {
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { authorizeOrThrow } from '@gatehouse/http-contract';
import {
  approvalDeliveryReportPermission,
  approvalRequestReadPermission,
  approvalRequestSubmitPermission,
} from '@gatehouse/plugin-approvals-common';
import type { DeliveryService } from './delivery/DeliveryService';
import { callerOf } from './router';
import type { ApprovalService } from './service/ApprovalService';

/**
 * Submit and status for automation agents, through Backstage's actions
 * registry (and so the MCP endpoint). Agents submit as themselves; their
 * requests wait for people like any other.
 */
export function registerApprovalActions(options: {
  actionsRegistry: ActionsRegistryService;
  approvals: ApprovalService;
  delivery: Pick<DeliveryService, 'report'>;
  permissions: PermissionsService;
  userInfo: UserInfoService;
}) {
  const { actionsRegistry, approvals, delivery, permissions, userInfo } =
    options;

  actionsRegistry.register({
    name: 'submit-change-request',
    title: 'Submit an infrastructure change for approval',
    description:
      'Queues a Terraform plan (terraform show -json) or an infrastructure plan (infra-plan.yaml, one environment of it) for human sign-off, with a cost estimate, risk and the approval policy. Returns the request id, its status and content hash. Nothing goes live until people approve it.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          title: z.string().min(3).describe('What the change does'),
          entityRef: z
            .string()
            .describe(
              'The catalog entity it changes, e.g. component:default/orchestrator-api',
            ),
          environment: z
            .string()
            .describe(
              'An environment of the entity: an environment Resource it depends on in the catalog, or an environment of its infrastructure plan (of infraPlanYaml for a new one). An unknown environment is refused with the list of its environments',
            ),
          planJson: z
            .string()
            .optional()
            .describe('The output of terraform show -json, as text'),
          infraPlanYaml: z
            .string()
            .optional()
            .describe(
              'An infrastructure plan (infra-plan.yaml text) with the environment to change',
            ),
          priorInfraPlanYaml: z
            .string()
            .optional()
            .describe(
              'The infrastructure plan in force now, to diff and price against',
            ),
          rollbackPlan: z
            .string()
            .min(1)
            .describe('How to undo the change (markdown)'),
          testPlan: z
            .string()
            .min(1)
            .describe('How the change was or will be tested (markdown)'),
          monitoring: z.string().optional(),
          questions: z
            .string()
            .optional()
            .describe('Open questions for the approvers'),
        }),
      output: z =>
        z.object({
          id: z.string(),
          status: z.string(),
          contentHash: z.string(),
          policySummary: z.string(),
          url: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorizeOrThrow(
        permissions,
        credentials,
        { permission: approvalRequestSubmitPermission },
        () => 'You may not submit change requests',
      );
      if (!input.planJson && !input.infraPlanYaml) {
        throw new InputError(
          'a change needs planJson (a Terraform plan) or infraPlanYaml (an infrastructure plan)',
        );
      }
      const request = await approvals.submit(
        {
          title: input.title,
          entityRef: input.entityRef,
          environment: input.environment,
          plan: input.planJson,
          infraPlan: input.infraPlanYaml
            ? {
                plan: input.infraPlanYaml,
                priorPlan: input.priorInfraPlanYaml,
              }
            : undefined,
          notes: {
            rollbackPlan: input.rollbackPlan,
            testPlan: input.testPlan,
            monitoring: input.monitoring,
            questions: input.questions,
          },
          submitterKind: 'agent',
        },
        await callerOf(credentials, userInfo),
      );
      return {
        output: {
          id: request.id,
          status: request.status,
          contentHash: request.contentHash,
          policySummary: request.policySummary,
          url: `/approvals/requests/${request.id}`,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-change-request-status',
    title: 'Read the status of a change request',
    description:
      'Whether a change request is approved, rejected, waiting (and for whom) or expired; approved is true only for the exact content hash given.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          id: z.string().describe('The change request id'),
          contentHash: z
            .string()
            .optional()
            .describe('The content hash returned at submission'),
        }),
      output: z =>
        z.object({
          status: z.string(),
          approved: z.boolean(),
          revision: z.number(),
          contentHash: z.string(),
          reason: z.string(),
          policySummary: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorizeOrThrow(
        permissions,
        credentials,
        { permission: approvalRequestReadPermission, resourceRef: input.id },
        () => 'You may not read this change request',
      );
      const gate = await approvals.gate(input.id, input.contentHash);
      return {
        output: {
          status: gate.status,
          approved: gate.approved,
          revision: gate.revision,
          contentHash: gate.contentHash,
          reason: gate.reason,
          policySummary: gate.policySummary,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'report-change-delivery',
    title: 'Report that an approved change was applied or failed',
    description:
      'For pipelines and agents that apply infrastructure: records that the approved change (by its content hash) was applied, or failed, with a link to the log. Refused for a hash that is not the approved one, or a step behind the delivery (proposed, merged, applied or failed, live).',
    attributes: { readOnly: false, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          id: z.string().describe('The change request id'),
          contentHash: z
            .string()
            .regex(/^[a-f0-9]{64}$/)
            .describe('The approved content hash that was applied'),
          status: z
            .enum(['applied', 'failed'])
            .describe('What happened when the pipeline applied it'),
          log: z.string().url().optional().describe("The pipeline run's log"),
          commit: z
            .string()
            .regex(/^[a-f0-9]{7,64}$/)
            .optional()
            .describe('The commit that was applied'),
        }),
      output: z =>
        z.object({
          recorded: z.boolean(),
          deliveryState: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorizeOrThrow(
        permissions,
        credentials,
        { permission: approvalDeliveryReportPermission, resourceRef: input.id },
        () => 'You may not report the delivery of this change request',
      );
      const caller = await callerOf(credentials, userInfo);
      const recorded = await delivery.report(
        input.id,
        {
          step: input.status,
          contentHash: input.contentHash,
          link: input.log,
          commit: input.commit,
        },
        caller.ref,
      );
      const request = await approvals.get(input.id, caller);
      return {
        output: {
          recorded,
          deliveryState: request.delivery?.state ?? 'none',
        },
      };
    },
  });
}
