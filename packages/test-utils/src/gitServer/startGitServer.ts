import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BasicAuth, basicAuthorization, htpasswdLine } from './htpasswd';
import { renderNginxConfig } from './nginxConfig';
import { CommitOptions, commitOverHttp } from './commitOverHttp';
import { MergeOptions, mergeOnServer } from './mergeOnServer';
import {
  CreateRepositoryOptions,
  Repository,
  RepositoryContext,
  createRepository,
  gitInRepository,
  repositoryUrl,
} from './repositories';
import { repositoryDirectory } from './repositoryName';
import { runGit } from './runGit';
import { startFcgiwrap, startNginx } from './startDaemons';
import { Supervisor } from './supervisor';
import { checkGitVersion, findGitServerTools } from './tools';

export type GitServerOptions = {
  /**
   * Every request (clone, fetch, push) needs this user name and password
   * (nginx's auth_basic); anonymous when absent. The server's own helpers
   * (commit, …) send them.
   */
  basicAuth?: BasicAuth;
};

/** A running git server (smart HTTP, push enabled) on 127.0.0.1. */
export type GitServer = {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** The directory holding the bare repositories. */
  root: string;
  /** Creates `<root>/<name>.git`; see {@link CreateRepositoryOptions}. */
  createRepository(
    name: string,
    options?: CreateRepositoryOptions,
  ): Promise<Repository>;
  /** `<url>/<name>.git` */
  repositoryUrl(name: string): string;
  /** The bare repository's directory. */
  repositoryPath(name: string): string;
  /** Runs `git args…` in the bare repository; returns its standard output. */
  git(name: string, args: string[]): Promise<string>;
  /** Clones over HTTP, changes files, commits, pushes; returns the commit. */
  commit(name: string, options: CommitOptions): Promise<string>;
  /** A forge's merge (or squash merge) on the server; returns the new head. */
  merge(name: string, options: MergeOptions): Promise<string>;
  /** Stops nginx and fcgiwrap and deletes the repositories. */
  stop(): Promise<void>;
};

/**
 * Starts a real git server for a test: `git http-backend` behind nginx via
 * fcgiwrap (Debian's git, nginx and fcgiwrap packages, which
 * scripts/lib/git-server.sh installs), listening on a free port of
 * 127.0.0.1, with its repositories in a temporary directory. Throws when a
 * program is missing. Call `stop()` when done (an `afterAll`); the processes
 * are also killed when the Jest process ends (see {@link Supervisor}).
 */
export async function startGitServer(
  options: GitServerOptions = {},
): Promise<GitServer> {
  const tools = findGitServerTools();
  const cwd = tmpdir();
  checkGitVersion((await runGit(tools.git, ['--version'], { cwd })).stdout);
  const execPath = (
    await runGit(tools.git, ['--exec-path'], { cwd })
  ).stdout.trim();
  const httpBackend = join(execPath, 'git-http-backend');
  if (!existsSync(httpBackend)) {
    throw new Error(
      `git-http-backend is not at ${httpBackend}: Debian's git package ships it (scripts/lib/git-server.sh installs it)`,
    );
  }

  const workDirectory = await mkdtemp(join(tmpdir(), 'gatehouse-git-'));
  const root = join(workDirectory, 'repositories');
  const scratch = join(workDirectory, 'scratch');
  await mkdir(root);
  await mkdir(scratch);

  const supervisor = new Supervisor(workDirectory);
  const stop = async () => {
    await supervisor.stopAll();
    await rm(workDirectory, { recursive: true, force: true });
  };

  try {
    const fcgiSocket = join(workDirectory, 'fcgiwrap.sock');
    await startFcgiwrap({
      fcgiwrap: tools.fcgiwrap,
      socket: fcgiSocket,
      httpBackend,
      supervisor,
    });

    let htpasswdFile: string | undefined;
    if (options.basicAuth) {
      htpasswdFile = join(workDirectory, 'htpasswd');
      await writeFile(htpasswdFile, await htpasswdLine(options.basicAuth), {
        mode: 0o600,
      });
    }

    const port = await startNginx({
      nginx: tools.nginx,
      workDirectory,
      supervisor,
      configFor: candidate =>
        renderNginxConfig({
          workDirectory,
          port: candidate,
          fcgiSocket,
          httpBackend,
          projectRoot: root,
          gitBinDirectory: dirname(tools.git),
          htpasswdFile,
        }),
    });

    const url = `http://127.0.0.1:${port}`;
    const context: RepositoryContext = {
      git: tools.git,
      root,
      scratch,
      baseUrl: url,
      httpConfig: options.basicAuth
        ? {
            'http.extraHeader': `Authorization: ${basicAuthorization(
              options.basicAuth,
            )}`,
          }
        : {},
    };
    return {
      url,
      port,
      root,
      createRepository: (name, repositoryOptions) =>
        createRepository(context, name, repositoryOptions),
      repositoryUrl: name => repositoryUrl(context, name),
      repositoryPath: name => repositoryDirectory(root, name),
      git: (name, args) => gitInRepository(context, name, args),
      commit: (name, commitOptions) =>
        commitOverHttp(context, name, commitOptions),
      merge: (name, mergeOptions) => mergeOnServer(context, name, mergeOptions),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
