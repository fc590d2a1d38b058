import { RepositoryContext, fullBranch, gitInRepository } from './repositories';
import { repositoryDirectory } from './repositoryName';
import { DEFAULT_IDENTITY, GitIdentity, GitRunOptions, runGit } from './runGit';

export type MergeOptions = {
  /** The branch merged, e.g. a change's branch. */
  from: string;
  /** The branch merged into, e.g. `main`. */
  into: string;
  /**
   * The commit message. Absent: `Merge branch '<from>' into <into>` for a
   * merge commit; for a squash, the messages of the branch's commits, oldest
   * first, so a single commit's trailers stay trailers.
   */
  message?: string;
  /** One new commit with the branch's changes and only `into` as parent. */
  squash?: boolean;
  /**
   * Who clicks merge: the committer of the new commit, and the author of a
   * merge commit. A squash commit keeps the author of the branch's first
   * commit, as forges do. {@link DEFAULT_IDENTITY} when absent.
   */
  merger?: GitIdentity;
  date?: string;
  /** Delete `from` afterwards, as a forge offers to. */
  deleteBranch?: boolean;
};

/**
 * What a forge's merge button does: a merge commit (or a squash commit) made
 * on the server with `git merge-tree --write-tree` and `git commit-tree`,
 * without a work tree, and `into` moved to it. Fails on conflicts and when
 * `from` has nothing `into` lacks. Returns the new head of `into`.
 */
export async function mergeOnServer(
  context: RepositoryContext,
  name: string,
  options: MergeOptions,
): Promise<string> {
  const git = (args: string[], extra: Omit<GitRunOptions, 'cwd'> = {}) =>
    gitInRepository(context, name, args, {
      identity: options.merger,
      date: options.date,
      ...extra,
    });
  const head = async (branch: string) =>
    (
      await git(['rev-parse', '--verify', `${fullBranch(branch)}^{commit}`])
    ).trim();
  const intoHead = await head(options.into);
  const fromHead = await head(options.from);

  const unmerged = (
    await git(['rev-list', '--count', `${intoHead}..${fromHead}`])
  ).trim();
  if (unmerged === '0') {
    throw new Error(
      `Nothing to merge: ${options.from} has no commit that ${options.into} lacks`,
    );
  }

  const mergeTree = await runGit(
    context.git,
    ['merge-tree', '--write-tree', '--name-only', intoHead, fromHead],
    { cwd: repositoryDirectory(context.root, name), acceptedExitCodes: [1] },
  );
  if (mergeTree.exitCode === 1) {
    throw new Error(
      `Merging ${options.from} into ${options.into} conflicts:\n${mergeTree.stdout}`,
    );
  }
  const tree = mergeTree.stdout.split('\n')[0].trim();

  const message =
    options.message ??
    (options.squash
      ? await branchMessages(git, intoHead, fromHead)
      : `Merge branch '${options.from}' into ${options.into}`);
  const parents = options.squash ? [intoHead] : [intoHead, fromHead];
  const commit = (
    await git(
      [
        'commit-tree',
        tree,
        ...parents.flatMap(parent => ['-p', parent]),
        '-F',
        '-',
      ],
      {
        // commit-tree takes the message verbatim; git's own end with a newline.
        input: message.endsWith('\n') ? message : `${message}\n`,
        ...(options.squash
          ? {
              identity: await firstAuthor(git, intoHead, fromHead),
              committer: options.merger ?? DEFAULT_IDENTITY,
            }
          : {}),
      },
    )
  ).trim();

  // With the old value: fails rather than losing a push that came meanwhile.
  await git(['update-ref', fullBranch(options.into), commit, intoHead]);
  if (options.deleteBranch) {
    await git(['update-ref', '-d', fullBranch(options.from), fromHead]);
  }
  return commit;
}

/** The author of the oldest commit on `from` but not `into`. */
async function firstAuthor(
  git: (args: string[]) => Promise<string>,
  intoHead: string,
  fromHead: string,
): Promise<GitIdentity> {
  const authors = await git([
    'log',
    '--reverse',
    '--format=%an%x00%ae',
    `${intoHead}..${fromHead}`,
  ]);
  const [name, email] = authors.split('\n')[0].split('\0');
  return { name, email };
}

/** The full messages of the commits on `from` but not `into`, oldest first. */
async function branchMessages(
  git: (args: string[]) => Promise<string>,
  intoHead: string,
  fromHead: string,
): Promise<string> {
  const log = await git([
    'log',
    '--reverse',
    '--format=%B%x00',
    `${intoHead}..${fromHead}`,
  ]);
  return log
    .split('\0')
    .map(message => message.trim())
    .filter(Boolean)
    .join('\n\n');
}
