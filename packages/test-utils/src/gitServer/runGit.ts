import { spawn } from 'node:child_process';

/** Who a commit is by: name and e-mail, as git records them. */
export type GitIdentity = { name: string; email: string };

/** The identity commits are made with when a caller names none. */
export const DEFAULT_IDENTITY: GitIdentity = {
  name: 'Gatehouse Test',
  email: 'test@gatehouse.invalid',
};

export type GitRunOptions = {
  cwd: string;
  /** Author and committer; {@link DEFAULT_IDENTITY} when absent. */
  identity?: GitIdentity;
  /** The committer, when not the author (a forge merging someone's work). */
  committer?: GitIdentity;
  /** Author and committer date (any form git accepts); the machine's clock when absent. */
  date?: string;
  /** Extra `-c key=value` settings, e.g. an Authorization header. */
  config?: Record<string, string>;
  /** Written to git's standard input. */
  input?: string;
  /** Exit codes that are answers, not failures (merge-tree's 1: conflicts). */
  acceptedExitCodes?: number[];
};

export type GitResult = { stdout: string; stderr: string; exitCode: number };

/**
 * The environment every git command runs in: only what git needs, so the
 * machine's and the user's git configuration (hooks, signing, default branch,
 * credential helpers) cannot change what a test sees.
 */
export function cleanGitEnvironment(
  options: Pick<GitRunOptions, 'identity' | 'committer' | 'date'>,
): NodeJS.ProcessEnv {
  const author = options.identity ?? DEFAULT_IDENTITY;
  const committer = options.committer ?? author;
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: '/nonexistent',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    // Never wait for a password on a terminal: fail instead.
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
    ...(options.date
      ? { GIT_AUTHOR_DATE: options.date, GIT_COMMITTER_DATE: options.date }
      : {}),
  };
}

/** Runs `git args…`; rejects with git's own error output on failure. */
export function runGit(
  gitPath: string,
  args: string[],
  options: GitRunOptions,
): Promise<GitResult> {
  const settings = Object.entries({
    'init.defaultBranch': 'main',
    ...options.config,
  }).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  return new Promise((resolve, reject) => {
    const child = spawn(gitPath, [...settings, ...args], {
      cwd: options.cwd,
      env: cleanGitEnvironment(options),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', chunk => stdout.push(chunk));
    child.stderr?.on('data', chunk => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', code => {
      const result = {
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode: code ?? -1,
      };
      if (code === 0 || options.acceptedExitCodes?.includes(result.exitCode)) {
        resolve(result);
      } else {
        reject(
          new Error(
            `git ${args.join(' ')} failed (exit ${code}) in ${options.cwd}:\n${
              result.stderr
            }${result.stdout}`,
          ),
        );
      }
    });
    if (child.stdin) {
      // git may exit without reading all of it; its exit code tells why.
      child.stdin.on('error', () => {});
      child.stdin.end(options.input);
    }
  });
}
