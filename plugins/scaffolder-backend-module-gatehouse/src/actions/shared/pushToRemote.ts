import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { GitAuth } from '@gatehouse/plugin-infra-plans-node';
import git, { Errors } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import fs from 'node:fs';
import { gitRemoteError } from './gitRemoteError';

/*
 * The local publisher's push of a repository's main to a git remote, set as
 * its origin. isomorphic-git's own push, not the scaffolder's
 * commitAndPushBranch: the commit is already made (the upstream helpers
 * only push together with a new commit), and a refused push must fail at
 * once rather than be retried as if the network had failed.
 */

export async function pushToRemote(options: {
  /** The local repository (its work tree). */
  dir: string;
  remoteUrl: string;
  /** The remote's branch main goes to. */
  remoteBranch: string;
  auth?: GitAuth;
  logger: LoggerService;
}): Promise<void> {
  const { dir, remoteUrl, remoteBranch, auth, logger } = options;
  const previous = (await git.listRemotes({ fs, dir })).find(
    r => r.remote === 'origin',
  );
  if (previous?.url !== remoteUrl) {
    await git.addRemote({
      fs,
      dir,
      remote: 'origin',
      url: remoteUrl,
      force: true,
    });
    logger.info(
      `origin of ${dir} is now ${remoteUrl}${
        previous ? ` (was ${previous.url})` : ''
      }`,
    );
  }
  try {
    await git.push({
      fs,
      http,
      dir,
      remote: 'origin',
      ref: 'main',
      remoteRef: `refs/heads/${remoteBranch}`,
      onAuth: auth ? () => auth : undefined,
    });
  } catch (error) {
    if (error instanceof Errors.PushRejectedError) {
      throw new InputError(
        `${remoteUrl} refused main as its ${remoteBranch}: the remote's ${remoteBranch} has commits this repository does not have. A local repository is pushed only to an empty remote or to the remote it mirrors.`,
      );
    }
    throw gitRemoteError(`Pushing main to`, remoteUrl, auth, error);
  }
  logger.info(`Pushed main to ${remoteBranch} of ${remoteUrl}`);
}
