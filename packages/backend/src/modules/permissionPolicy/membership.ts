import { PolicyQueryUser } from '@backstage/plugin-permission-node';

/** Group refs of the groups the example organisation and the docs refer to. */
export const PLATFORM_TEAM = 'group:default/platform-team';
export const SRE = 'group:default/sre';
export const FINOPS = 'group:default/finops';

/**
 * True when the user is in one of the groups. Ownership refs already include
 * ancestor groups (see the group-ancestry ownership module), so membership of a
 * sub-team counts.
 */
export function isMemberOfAny(
  user: PolicyQueryUser,
  groupRefs: string[],
): boolean {
  const owned = new Set(
    user.info.ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US')),
  );
  return groupRefs.some(ref => owned.has(ref.toLocaleLowerCase('en-US')));
}

/**
 * The guest of local sign-in (Backstage's guest provider): someone trying
 * the portal, who owns nothing and approves nothing.
 */
export const GUEST = 'user:development/guest';

/** True for the guest: they look around, they do not register or create. */
export function isGuest(user: PolicyQueryUser): boolean {
  return user.info.userEntityRef.toLocaleLowerCase('en-US') === GUEST;
}
