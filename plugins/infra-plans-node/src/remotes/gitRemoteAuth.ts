/**
 * The credentials git uses to push to and fetch from an environment's
 * repository: the forge integrations' tokens (`integrations.github`,
 * `.gitlab`, `.gitea`) for forge hosts, and `gatehouse.environments.gitRemotes`
 * for any other git server. The scaffolder actions that push and the
 * approvals backend that watches branches both read them here, so both
 * reach a remote the same way.
 */
import type { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';

/** HTTP basic credentials for git over HTTP(S). @public */
export type GitAuth = { username: string; password: string };

/** A plain git server's credentials, by host (with port when not the default). */
type GitRemoteCredentials = { host: string } & GitAuth;

function readGitRemotes(config: Config): GitRemoteCredentials[] {
  return (
    config.getOptionalConfigArray('gatehouse.environments.gitRemotes') ?? []
  ).map(remote => {
    const token = remote.getOptionalString('token');
    return {
      host: remote.getString('host'),
      username: remote.getOptionalString('username') ?? (token ? 'git' : ''),
      password: token ?? remote.getOptionalString('password') ?? '',
    };
  });
}

/**
 * Finds the credentials for a clone URL; undefined means "no credentials
 * configured": git then tries anonymously, which public and loopback
 * servers allow.
 *
 * @public
 */
export function gitAuthFor(
  config: Config,
  cloneUrl: string,
): GitAuth | undefined {
  const host = new URL(cloneUrl).host;
  const integrations = ScmIntegrations.fromConfig(config);
  const github = integrations.github.byHost(host)?.config;
  if (github?.token) {
    return { username: 'x-access-token', password: github.token };
  }
  const gitlab = integrations.gitlab.byHost(host)?.config;
  if (gitlab?.token) return { username: 'oauth2', password: gitlab.token };
  const gitea = integrations.gitea.byHost(host)?.config;
  if (gitea?.username && gitea.password) {
    return { username: gitea.username, password: gitea.password };
  }
  const remote = readGitRemotes(config).find(r => r.host === host);
  return remote?.username || remote?.password
    ? { username: remote.username, password: remote.password }
    : undefined;
}
