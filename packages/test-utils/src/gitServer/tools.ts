import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where the git server's programs were found on this machine. */
export type GitServerTools = {
  git: string;
  nginx: string;
  fcgiwrap: string;
};

const INSTALL_HINT =
  "scripts/lib/git-server.sh (ensure_git_server_tools, run by ./gatehouse test) installs it from Debian's packages";

// Debian puts nginx and fcgiwrap in /usr/sbin, which a non-root PATH lacks.
const SBIN_DIRECTORIES = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `name` on PATH or in the sbin directories. */
export function findExecutable(name: string): string | undefined {
  const directories = [
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
    ...SBIN_DIRECTORIES,
  ];
  return directories.map(directory => join(directory, name)).find(isExecutable);
}

/**
 * Finds git, nginx and fcgiwrap, or throws an error naming the one that is
 * missing and how to install it: a git server test never skips itself.
 */
export function findGitServerTools(): GitServerTools {
  const found = (name: string, debianPackage: string) => {
    const path = findExecutable(name);
    if (!path) {
      throw new Error(
        `The git server for tests needs ${name} (Debian's ${debianPackage} package), which is not on PATH or in /usr/sbin: ${INSTALL_HINT}.`,
      );
    }
    return path;
  };
  return {
    git: found('git', 'git'),
    nginx: found('nginx', 'nginx'),
    fcgiwrap: found('fcgiwrap', 'fcgiwrap'),
  };
}

/** `git merge-tree --write-tree`, with which merges are made, came in 2.38. */
export const MINIMUM_GIT_VERSION: readonly [number, number] = [2, 38];

/** Throws unless `git --version` output is at least {@link MINIMUM_GIT_VERSION}. */
export function checkGitVersion(versionOutput: string): void {
  const match = /git version (\d+)\.(\d+)/.exec(versionOutput);
  const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  const [wantMajor, wantMinor] = MINIMUM_GIT_VERSION;
  if (major < wantMajor || (major === wantMajor && minor < wantMinor)) {
    throw new Error(
      `The git server for tests needs git ${wantMajor}.${wantMinor} or newer (for git merge-tree --write-tree); found "${versionOutput.trim()}". Debian 12's git package (2.39) is enough: ${INSTALL_HINT}.`,
    );
  }
}
