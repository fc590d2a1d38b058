import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';

/**
 * A permission to check, on a resource when one is named. A resource
 * permission without a resource asks whether the caller may use it at all
 * (e.g. list requests, each of which is filtered after).
 */
export type PermissionCheck = { permission: Permission; resourceRef?: string };

/**
 * The part of Backstage's PermissionsService a check uses, typed
 * structurally so that this library needs no backend package.
 */
export type PermissionAuthorizer<C> = {
  authorize(
    requests: any[],
    options: { credentials: C },
  ): Promise<Array<{ result: AuthorizeResult }>>;
};

/**
 * The one permission check of every Gatehouse route: asks the permission
 * framework about the caller and refuses with a 403 that says what was
 * refused. `refusal` may explain a refusal better than the default (e.g. why
 * a submitter may not approve their own change).
 */
export async function authorizeOrThrow<C>(
  permissions: PermissionAuthorizer<C>,
  credentials: C,
  check: PermissionCheck,
  refusal?: (
    check: PermissionCheck,
  ) => string | undefined | Promise<string | undefined>,
): Promise<C> {
  const [decision] = await permissions.authorize(
    [
      check.resourceRef === undefined
        ? { permission: check.permission }
        : { permission: check.permission, resourceRef: check.resourceRef },
    ],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    const reason = await refusal?.(check);
    throw new NotAllowedError(
      reason ??
        `You may not ${check.permission.attributes.action ?? 'use'} ${
          check.permission.name
        }`,
    );
  }
  return credentials;
}
