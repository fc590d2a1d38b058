import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { authOwnershipResolutionExtensionPoint } from '@backstage/plugin-auth-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { resolveGroupAncestry } from './resolveGroupAncestry';

/**
 * Signed-in users own what their groups own, including the groups above them.
 * The result goes into the user's token (ownership refs), so the permission
 * policy and the approvals plugin see nested membership without further lookups.
 */
export const authModuleGroupAncestryOwnership = createBackendModule({
  pluginId: 'auth',
  moduleId: 'group-ancestry-ownership',
  register(reg) {
    reg.registerInit({
      deps: {
        ownership: authOwnershipResolutionExtensionPoint,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ ownership, auth, catalog }) {
        ownership.setAuthOwnershipResolver({
          async resolveOwnershipEntityRefs(entity) {
            const credentials = await auth.getOwnServiceCredentials();
            const ownershipEntityRefs = await resolveGroupAncestry(
              entity,
              async refs => {
                const { items } = await catalog.getEntitiesByRefs(
                  {
                    entityRefs: refs,
                    fields: ['kind', 'metadata', 'spec.parent'],
                  },
                  { credentials },
                );
                return items;
              },
            );
            return { ownershipEntityRefs };
          },
        });
      },
    });
  },
});
