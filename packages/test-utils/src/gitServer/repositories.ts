import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GitIdentity, GitRunOptions, runGit } from './runGit';
import {
  checkedFilePath,
  normalizeRepositoryName,
  repositoryDirectory,
} from './repositoryName';

/** What the repository operations need to know about their server. */
export type RepositoryContext = {
  /** The git binary. */
  git: string;
  /** The directory holding the bare repositories (GIT_PROJECT_ROOT). */
  root: string;
  /** Where temporary clones and work trees go. */
  scratch: string;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** `-c` settings for talking to the server over HTTP (its basic auth). */
  httpConfig: Record<string, string>;
};

export type CreateRepositoryOptions = {
  /** The repository's default branch (its HEAD); `main` when absent. */
  branch?: string;
  /** Files of a first commit on that branch; an empty repository when absent. */
  initialFiles?: Record<string, string>;
  /** The first commit's message; `Initial commit` when absent. */
  message?: string;
  author?: GitIdentity;
  /** The first commit's date (any form git accepts); the machine's clock when absent. */
  date?: string;
};

export type Repository = {
  name: string;
  /** `<server url>/<name>.git`, what `git clone` takes. */
  url: string;
  /** The bare repository's directory. */
  path: string;
};

export const fullBranch = (branch: string) => `refs/heads/${branch}`;

export function repositoryUrl(context: RepositoryContext, name: string) {
  return `${context.baseUrl}/${normalizeRepositoryName(name)}.git`;
}

/** Runs git in the bare repository and returns its standard output. */
export async function gitInRepository(
  context: RepositoryContext,
  name: string,
  args: string[],
  options: Omit<GitRunOptions, 'cwd'> = {},
): Promise<string> {
  const cwd = repositoryDirectory(context.root, name);
  return (await runGit(context.git, args, { ...options, cwd })).stdout;
}

/** A temporary directory for `use`, deleted afterwards. */
export async function withScratchDirectory<T>(
  context: RepositoryContext,
  use: (directory: string) => Promise<T>,
): Promise<T> {
  const directory = await mkdtemp(join(context.scratch, 'work-'));
  try {
    return await use(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Writes (or, for `null`, deletes) files in a work tree. */
export async function applyFiles(
  workTree: string,
  files: Record<string, string | null>,
): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    const path = checkedFilePath(workTree, file);
    if (content === null) {
      await rm(path, { force: true });
    } else {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
  }
}

/**
 * A bare repository that accepts anonymous pushes (http.receivepack), with
 * an optional first commit made by git in a temporary work tree.
 */
export async function createRepository(
  context: RepositoryContext,
  name: string,
  options: CreateRepositoryOptions = {},
): Promise<Repository> {
  const path = repositoryDirectory(context.root, name);
  const branch = options.branch ?? 'main';
  await mkdir(dirname(path), { recursive: true });
  await runGit(
    context.git,
    ['init', '--quiet', '--bare', `--initial-branch=${branch}`, path],
    { cwd: context.root },
  );
  // git-http-backend refuses pushes from unauthenticated users unless told.
  await gitInRepository(context, name, ['config', 'http.receivepack', 'true']);
  if (options.initialFiles) {
    const initialFiles = options.initialFiles;
    await withScratchDirectory(context, async workTree => {
      await applyFiles(workTree, initialFiles);
      // The bare repository with a temporary work tree and index: the commit
      // lands on its HEAD branch without a clone and a push.
      const git = (args: string[], input?: string) =>
        runGit(
          context.git,
          ['--git-dir', path, '--work-tree', workTree, ...args],
          {
            cwd: workTree,
            input,
            identity: options.author,
            date: options.date,
          },
        );
      await git(['add', '--all']);
      await git(
        ['commit', '--quiet', '--file', '-'],
        options.message ?? 'Initial commit',
      );
      await rm(join(path, 'index'), { force: true });
    });
  }
  return {
    name: normalizeRepositoryName(name),
    url: repositoryUrl(context, name),
    path,
  };
}
