import express from 'express';
import Router from 'express-promise-router';
import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { stringifyEntityRef, UserEntity } from '@backstage/catalog-model';

/** One row of the sign-in page's user picker. */
export type DevUserChoice = {
  userEntityRef: string;
  displayName: string;
  groups: string[];
};

/**
 * GET /dev-users: the catalog's users for the development sign-in page, which
 * runs before anyone is signed in. Mounted only while the provider is enabled.
 */
export function createDevUsersRouter(options: {
  auth: AuthService;
  catalog: CatalogService;
}): express.Router {
  const router = Router();
  router.get('/dev-users', async (_req, res) => {
    const { items } = await options.catalog.getEntities(
      {
        filter: { kind: 'User' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.profile',
          'spec.memberOf',
        ],
      },
      { credentials: await options.auth.getOwnServiceCredentials() },
    );
    const users: DevUserChoice[] = (items as UserEntity[])
      .map(user => ({
        userEntityRef: stringifyEntityRef(user),
        displayName: user.spec?.profile?.displayName ?? user.metadata.name,
        groups: user.spec?.memberOf ?? [],
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    res.json({ users });
  });
  return router;
}
