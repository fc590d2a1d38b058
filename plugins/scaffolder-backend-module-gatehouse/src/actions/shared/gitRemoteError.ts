import type { GitAuth } from '@gatehouse/plugin-infra-plans-node';

/**
 * The error a step fails with when a git remote refused or could not be
 * reached: what was done, to which remote, git's message, and when the
 * remote asked for credentials none are configured for, where to put them.
 */
export function gitRemoteError(
  what: string,
  remoteUrl: string,
  auth: GitAuth | undefined,
  error: unknown,
): Error {
  const message = error instanceof Error ? error.message : String(error);
  const hint =
    !auth && /\b401\b/.test(message)
      ? ` (no credentials are configured for ${
          new URL(remoteUrl).host
        }: add it to integrations or gatehouse.environments.gitRemotes)`
      : '';
  return new Error(`${what} ${remoteUrl} failed: ${message}${hint}`);
}
