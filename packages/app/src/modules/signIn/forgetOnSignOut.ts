import { IdentityApi } from '@backstage/core-plugin-api';
import { clearSignInChoice } from './storedChoice';

/**
 * Wraps an identity so that signing out also forgets the remembered choice;
 * otherwise the next visit would sign the same user straight back in.
 */
export function forgetOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      clearSignInChoice();
      await identity.signOut();
    },
  };
}
