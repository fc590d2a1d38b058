import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { stringifyEntityRef, UserEntity } from '@backstage/catalog-model';
import { createDevUserAuthenticator, DevUserResult } from './authenticator';
import { createDevUsersRouter } from './usersRoute';

export const DEV_PROVIDER_ID = 'gatehouse-dev';

/**
 * Registers the `gatehouse-dev` sign-in provider: sign in as any User entity of
 * the catalog (development and tests only). Ownership comes from the catalog
 * entity's group memberships, as for any real provider. While the provider is
 * configured, the auth plugin also lists the catalog's users for the picker.
 */
export const authModuleGatehouseDevProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'gatehouse-dev-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ providers, config, httpRouter, auth, catalog }) {
        providers.registerProvider({
          providerId: DEV_PROVIDER_ID,
          factory: createProxyAuthProviderFactory<DevUserResult>({
            authenticator: createDevUserAuthenticator(async userEntityRef => {
              const user = await catalog.getEntityByRef(userEntityRef, {
                credentials: await auth.getOwnServiceCredentials(),
              });
              return user as UserEntity | undefined;
            }),
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({
                entityRef: stringifyEntityRef(result.user),
              }),
          }),
        });
        const providerConfig = config.getOptionalConfig(
          `auth.providers.${DEV_PROVIDER_ID}`,
        );
        const enabled =
          providerConfig !== undefined &&
          (process.env.NODE_ENV === 'development' ||
            providerConfig.getOptionalBoolean(
              'dangerouslyAllowOutsideDevelopment',
            ) === true);
        if (enabled) {
          httpRouter.use(createDevUsersRouter({ auth, catalog }));
          httpRouter.addAuthPolicy({
            path: '/dev-users',
            allow: 'unauthenticated',
          });
        }
      },
    });
  },
});
