/** What the sign-in page remembers between visits, so a reload signs in again. */
export type SignInChoice =
  | { provider: 'guest' }
  | { provider: 'gatehouse-dev'; userEntityRef: string };

const STORAGE_KEY = '@gatehouse/sign-in-choice';

export function readSignInChoice(
  storage: Storage = window.localStorage,
): SignInChoice | undefined {
  try {
    const parsed = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
    if (parsed?.provider === 'guest') return { provider: 'guest' };
    if (
      parsed?.provider === 'gatehouse-dev' &&
      typeof parsed.userEntityRef === 'string'
    ) {
      return { provider: 'gatehouse-dev', userEntityRef: parsed.userEntityRef };
    }
  } catch {
    // A corrupt value is the same as none: the user picks again.
  }
  return undefined;
}

export function storeSignInChoice(
  choice: SignInChoice,
  storage: Storage = window.localStorage,
) {
  storage.setItem(STORAGE_KEY, JSON.stringify(choice));
}

export function clearSignInChoice(storage: Storage = window.localStorage) {
  storage.removeItem(STORAGE_KEY);
}
