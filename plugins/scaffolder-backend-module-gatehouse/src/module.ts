import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { ResponseError } from '@backstage/errors';
import { createApprovalRequestAction } from './actions/approvalRequest';

/** Gatehouse's scaffolder actions: approval requests (more come with the environment templates). */
export const scaffolderModuleGatehouse = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'gatehouse',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ scaffolderActions, auth, discovery }) {
        scaffolderActions.addActions(
          createApprovalRequestAction({
            // The request is the template user's: the token is minted on their behalf.
            submit: async (request, credentials) => {
              const { token } = await auth.getPluginRequestToken({
                onBehalfOf: credentials,
                targetPluginId: 'approvals',
              });
              const response = await fetch(
                `${await discovery.getBaseUrl('approvals')}/requests`,
                {
                  method: 'POST',
                  headers: {
                    'content-type': 'application/json',
                    authorization: `Bearer ${token}`,
                  },
                  body: JSON.stringify(request),
                },
              );
              if (!response.ok)
                throw await ResponseError.fromResponse(response);
              return response.json();
            },
          }),
        );
      },
    });
  },
});
