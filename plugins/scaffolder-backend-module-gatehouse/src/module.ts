import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createApprovalCheckAction } from './actions/approvalCheck';
import { createApprovalRequestAction } from './actions/approvalRequest';
import {
  createChangeDescribeAction,
  createChangeProposedAction,
  DeliveryCalls,
} from './actions/changeDelivery';
import { createEnvironmentChangeAction } from './actions/environmentChange';
import { createEnvironmentRenderAction } from './actions/environmentRender';
import { createPlanEstimateAction } from './actions/planEstimate';
import { createPlanValidateAction } from './actions/planValidate';
import { createPublishGitBranchAction } from './actions/publishGitBranch';
import { createPublishGiteaPullRequestAction } from './actions/publishGiteaPullRequest';
import { createPublishLocalAction } from './actions/publishLocal';
import { backendCalls } from './backendCalls';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { clockServiceRef } from '@gatehouse/clock';
import { gitAuthFor } from '@gatehouse/plugin-infra-plans-node';

/** Listened to by the backend's catalog module for local repositories. */
export const LOCAL_REPOSITORY_PUBLISHED_TOPIC =
  'gatehouse.local-repositories.published';

/**
 * Gatehouse's scaffolder actions: environments rendered from infrastructure
 * plans, validated, priced, gated by approvals and published.
 */
export const scaffolderModuleGatehouse = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'gatehouse',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        clock: clockServiceRef,
      },
      async init({
        scaffolderActions,
        auth,
        discovery,
        config,
        catalog,
        events,
        clock,
      }) {
        const calls = backendCalls({ auth, discovery, catalog });
        // Pushing to an environment's repository: the forge integrations'
        // credentials, or gatehouse.environments.gitRemotes for plain git.
        const gitAuth = (cloneUrl: string) => gitAuthFor(config, cloneUrl);
        const deliveryCalls: DeliveryCalls = {
          get: (id, credentials) => calls.approvals(credentials).get(id),
          report: (id, report, credentials) =>
            calls.approvals(credentials).reportDelivery(id, report),
        };
        scaffolderActions.addActions(
          createChangeDescribeAction({
            calls: deliveryCalls,
            // Links in pull requests point at the portal; relative without one.
            appBaseUrl: config.getOptionalString('app.baseUrl') ?? '',
          }),
          createChangeProposedAction({ calls: deliveryCalls }),
          createEnvironmentRenderAction({ clock }),
          createEnvironmentChangeAction({
            load: calls.loadEnvironmentPlan,
            clock,
          }),
          createPlanValidateAction({ clock }),
          createPlanEstimateAction({
            clock,
            estimate: (request, credentials) =>
              calls.cost(credentials).estimateInfraPlan(request),
          }),
          // The request is the template user's: the token is minted on their behalf.
          createApprovalRequestAction({
            submit: (request, credentials) =>
              calls.approvals(credentials).submit(request),
          }),
          createApprovalCheckAction({
            read: async (requestId, contentHash, credentials) => {
              const approvals = calls.approvals(credentials);
              const [request, gate] = await Promise.all([
                approvals.get(requestId),
                approvals.gate(requestId, contentHash),
              ]);
              return { request, gate };
            },
          }),
          createPublishLocalAction({
            directory: config.getOptionalString(
              'gatehouse.environments.localPublisher.directory',
            ),
            // The catalog module gatehouse-local-repositories reads the folder again.
            announce: published =>
              events.publish({
                topic: LOCAL_REPOSITORY_PUBLISHED_TOPIC,
                eventPayload: published,
              }),
            gitAuth,
          }),
          createPublishGitBranchAction({ gitAuth }),
          createPublishGiteaPullRequestAction({
            integrations: ScmIntegrations.fromConfig(config),
            gitAuth,
          }),
        );
      },
    });
  },
});
