import { discoveryApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';

export type DevUser = {
  userEntityRef: string;
  displayName: string;
  groups: string[];
};

/** The catalog's users, as listed by the auth backend's development sign-in module. */
export function useDevUsers() {
  const discovery = useApi(discoveryApiRef);
  return useAsync(async (): Promise<DevUser[]> => {
    // Plain fetch: nobody is signed in yet, and the fetch API would wait for an identity.
    const response = await fetch(
      `${await discovery.getBaseUrl('auth')}/dev-users`,
    );
    if (!response.ok) {
      throw new Error(
        `Could not list example users: ${response.status} ${response.statusText}`,
      );
    }
    return (await response.json()).users;
  }, [discovery]);
}
