import { join } from 'node:path';
import {
  RepositoryContext,
  applyFiles,
  fullBranch,
  repositoryUrl,
  withScratchDirectory,
} from './repositories';
import { GitIdentity, runGit } from './runGit';

export type CommitOptions = {
  branch: string;
  /** Contents by path; `null` deletes the file. */
  files: Record<string, string | null>;
  message: string;
  author?: GitIdentity;
  date?: string;
  /**
   * The branch a new branch starts from; the repository's default branch when
   * absent. Ignored when `branch` already exists.
   */
  from?: string;
};

/**
 * A commit made the way a person makes one: clone over HTTP, change files,
 * commit, push the branch. Returns the new commit's hash.
 */
export async function commitOverHttp(
  context: RepositoryContext,
  name: string,
  options: CommitOptions,
): Promise<string> {
  return withScratchDirectory(context, async directory => {
    const clone = join(directory, 'clone');
    const run = (
      args: string[],
      input?: string,
      acceptedExitCodes?: number[],
    ) =>
      runGit(context.git, args, {
        cwd: args[0] === 'clone' ? directory : clone,
        input,
        acceptedExitCodes,
        identity: options.author,
        date: options.date,
        config: context.httpConfig,
      });
    const exists = async (ref: string) =>
      (await run(['rev-parse', '--verify', '--quiet', ref], undefined, [1]))
        .exitCode === 0;

    await run(['clone', '--quiet', repositoryUrl(context, name), clone]);
    const remoteBranch = `refs/remotes/origin/${options.branch}`;
    if (await exists(remoteBranch)) {
      await run(['checkout', '--quiet', '-B', options.branch, remoteBranch]);
    } else if (options.from) {
      await run([
        'checkout',
        '--quiet',
        '-b',
        options.branch,
        `refs/remotes/origin/${options.from}`,
      ]);
    } else if (await exists('HEAD')) {
      // A new branch from the default branch the clone checked out.
      await run(['checkout', '--quiet', '-b', options.branch]);
    } else {
      // An empty repository: the first commit starts the branch.
      await run(['symbolic-ref', 'HEAD', fullBranch(options.branch)]);
    }
    await applyFiles(clone, options.files);
    await run(['add', '--all']);
    await run(['commit', '--quiet', '--file', '-'], options.message);
    await run([
      'push',
      '--quiet',
      'origin',
      `HEAD:${fullBranch(options.branch)}`,
    ]);
    return (await run(['rev-parse', 'HEAD'])).stdout.trim();
  });
}
