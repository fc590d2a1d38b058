import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  addFiles,
  cloneRepo,
  commitAndPushBranch,
  createBranch,
  removeFiles,
} from '@backstage/plugin-scaffolder-node';
import type { GitAuth } from '@gatehouse/plugin-infra-plans-node';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import fs from 'node:fs';
import type { CommitAuthor } from './commitAuthor';
import { gitRemoteError } from './gitRemoteError';
import {
  changeCount,
  replaceWorkTree,
  workTreeChanges,
  WorkTreeChanges,
} from './workTree';

/*
 * A change proposed as a branch of a git remote: the target branch cloned,
 * a new branch made from it whose files are exactly the workspace's, one
 * commit, pushed. `gatehouse:publish:git-branch` and the Gitea pull request
 * action both push this way; the forge action then opens a pull request for
 * the branch.
 */

/** Credentials for a clone URL; undefined: git tries anonymously. */
export type GitAuthLookup = (cloneUrl: string) => GitAuth | undefined;

export type WorkspaceBranch = {
  /** The remote's HTTP(S) clone URL. */
  cloneUrl: string;
  auth?: GitAuth;
  /** The branch the proposal starts from (and is to be merged into). */
  targetBranch: string;
  branchName: string;
  /** The folder whose files the branch gets. */
  sourceDir: string;
  /** Used as given: the template supplies the Gatehouse trailers. */
  commitMessage: string;
  author: CommitAuthor;
  /** An empty folder to clone into (the task's temporary directory). */
  cloneDir: string;
  logger: LoggerService;
};

export type PushedBranch = {
  commitHash: string;
  /** The target branch's head the commit is based on. */
  baseCommit: string;
  changes: WorkTreeChanges;
};

/** git's "infinite" depth (`--unshallow` asks for it): the whole history. */
const FULL_HISTORY = 0x7fffffff;

const short = (oid: string) => oid.slice(0, 12);

/**
 * The upstream helpers take a user name and password; empty ones mean "none"
 * (isomorphic-git only asks for them after a 401, and fails then).
 */
const helperAuth = (auth: GitAuth | undefined) =>
  auth ?? { username: '', password: '' };

/** The commit a branch of the remote is at, or undefined when it has no such branch. */
export async function remoteBranchHead(
  cloneUrl: string,
  auth: GitAuth | undefined,
  branchName: string,
): Promise<string | undefined> {
  const ref = `refs/heads/${branchName}`;
  const refs = await git.listServerRefs({
    http,
    url: cloneUrl,
    prefix: ref,
    onAuth: auth ? () => auth : undefined,
  });
  return refs.find(r => r.ref === ref)?.oid;
}

/**
 * Pushes the workspace as a new commit on `branchName`, based on the target
 * branch's head. Refuses (an InputError, nothing pushed) when the workspace
 * equals the target branch, and when the remote's `branchName` has commits
 * the target branch lacks: the push would not be a fast-forward, and a
 * proposal never overwrites someone's branch.
 */
export async function pushWorkspaceBranch(
  branch: WorkspaceBranch,
): Promise<PushedBranch> {
  const { cloneUrl, targetBranch, branchName, cloneDir, logger } = branch;
  if (branchName === targetBranch) {
    throw new InputError(
      `The branch to push (${branchName}) must not be the target branch`,
    );
  }
  const auth = helperAuth(branch.auth);

  let existing: string | undefined;
  try {
    existing = await remoteBranchHead(cloneUrl, branch.auth, branchName);
  } catch (error) {
    throw gitRemoteError(
      'Reading the branches of',
      cloneUrl,
      branch.auth,
      error,
    );
  }
  try {
    // The whole history only when needed: to tell whether the branch that
    // is already there is behind the target branch (a fast-forward).
    await cloneRepo({
      url: cloneUrl,
      dir: cloneDir,
      ref: targetBranch,
      depth: existing ? FULL_HISTORY : 1,
      auth,
      logger,
    });
  } catch (error) {
    throw gitRemoteError(
      `Cloning ${targetBranch} of`,
      cloneUrl,
      branch.auth,
      error,
    );
  }
  const baseCommit = await git.resolveRef({ fs, dir: cloneDir, ref: 'HEAD' });

  if (
    existing &&
    existing !== baseCommit &&
    !(await git.isDescendent({
      fs,
      dir: cloneDir,
      oid: baseCommit,
      ancestor: existing,
      depth: -1,
    }))
  ) {
    throw new InputError(
      `${cloneUrl} already has a branch ${branchName} (at ${short(
        existing,
      )}) with commits ${targetBranch} does not have: a new commit on ${targetBranch} would not be a fast-forward of it, so nothing was pushed. Merge or delete that branch, or propose under another branch name.`,
    );
  }

  await createBranch({ dir: cloneDir, ref: branchName, auth, logger });
  // createBranch does not switch to the branch; the commit must land on it.
  await git.checkout({ fs, dir: cloneDir, ref: branchName });

  await replaceWorkTree(cloneDir, branch.sourceDir);
  const changes = await workTreeChanges(cloneDir);
  if (changeCount(changes) === 0) {
    throw new InputError(
      `Nothing to propose: the workspace equals ${targetBranch} of ${cloneUrl} (at ${short(
        baseCommit,
      )})`,
    );
  }
  for (const filepath of changes.changed) {
    await addFiles({ dir: cloneDir, filepath, auth, logger });
  }
  for (const filepath of changes.removed) {
    await removeFiles({ dir: cloneDir, filepath, auth, logger });
  }

  try {
    const { commitHash } = await commitAndPushBranch({
      dir: cloneDir,
      auth,
      logger,
      commitMessage: branch.commitMessage,
      gitAuthorInfo: branch.author,
      branch: branchName,
    });
    logger.info(
      `Pushed ${branchName} at ${short(commitHash)} to ${cloneUrl}: ${
        changes.changed.length
      } file(s) added or changed, ${
        changes.removed.length
      } removed, on ${targetBranch} at ${short(baseCommit)}`,
    );
    return { commitHash, baseCommit, changes };
  } catch (error) {
    throw gitRemoteError(
      `Pushing ${branchName} to`,
      cloneUrl,
      branch.auth,
      error,
    );
  }
}
