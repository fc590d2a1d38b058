import { createProxyAuthenticator } from '@backstage/plugin-auth-node';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  parseEntityRef,
  stringifyEntityRef,
  UserEntity,
} from '@backstage/catalog-model';

/** The header the sign-in page sends with the chosen user. */
export const DEV_USER_HEADER = 'x-gatehouse-dev-user';

/** The result of authenticating: the catalog user the caller asked to be. */
export type DevUserResult = { user: UserEntity };

/** Finds a User entity by ref; undefined when the catalog has none. */
export type UserLookup = (
  userEntityRef: string,
) => Promise<UserEntity | undefined>;

/**
 * Parses what the sign-in page sent ("alice" or "user:default/alice") into a
 * full user entity reference, refusing anything that is not a User.
 */
export function parseDevUser(value: string | undefined): string {
  const raw = value?.trim();
  if (!raw) {
    throw new InputError(
      `Missing ${DEV_USER_HEADER} header: name the user to sign in as`,
    );
  }
  let ref;
  try {
    ref = parseEntityRef(raw, {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `Invalid user reference '${raw}': ${(error as Error).message}`,
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'user') {
    throw new InputError(`'${raw}' is not a User entity reference`);
  }
  return stringifyEntityRef(ref);
}

/**
 * Lets a developer sign in as any User in the catalog without a password. It is
 * refused outside NODE_ENV=development unless explicitly allowed, exactly like
 * the guest provider, because anyone reaching the backend could impersonate anyone.
 */
export function createDevUserAuthenticator(lookupUser: UserLookup) {
  return createProxyAuthenticator<
    { disabled: boolean },
    DevUserResult,
    undefined
  >({
    // The profile shown in the portal is the catalog's, as with a real provider.
    defaultProfileTransform: async ({ user }) => ({
      profile: {
        displayName: user.spec.profile?.displayName ?? user.metadata.name,
        email: user.spec.profile?.email,
        picture: user.spec.profile?.picture,
      },
    }),
    initialize({ config }) {
      const allowOutsideDev = config.getOptionalBoolean(
        'dangerouslyAllowOutsideDevelopment',
      );
      return {
        disabled:
          process.env.NODE_ENV !== 'development' && allowOutsideDev !== true,
      };
    },
    async authenticate({ req }, { disabled }) {
      if (disabled) {
        throw new NotAllowedError(
          "The gatehouse-dev sign-in provider only works in development unless 'auth.providers.gatehouse-dev.dangerouslyAllowOutsideDevelopment' is set",
        );
      }
      const userEntityRef = parseDevUser(req.header(DEV_USER_HEADER));
      const user = await lookupUser(userEntityRef);
      if (!user) {
        throw new NotFoundError(`There is no ${userEntityRef} in the catalog`);
      }
      return { result: { user } };
    },
  });
}
