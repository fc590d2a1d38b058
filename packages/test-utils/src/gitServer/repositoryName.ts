import { join } from 'node:path';

// Path segments of letters, digits, '.', '_' and '-', not starting with '.':
// a name can never leave the server's root (no '..', no absolute path).
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * A repository's name without its `.git`, checked: `team/app` and
 * `team/app.git` both name `<root>/team/app.git`.
 */
export function normalizeRepositoryName(name: string): string {
  const bare = name.replace(/\.git$/, '');
  if (!bare.split('/').every(segment => SEGMENT.test(segment))) {
    throw new Error(
      `"${name}" is not a repository name: use path segments of letters, digits, ".", "_" and "-"`,
    );
  }
  return bare;
}

/** The bare repository's directory under the server's root. */
export function repositoryDirectory(root: string, name: string): string {
  return join(root, `${normalizeRepositoryName(name)}.git`);
}

/**
 * A file path inside a work tree, checked the same way: commit() must not
 * write outside the clone it makes.
 */
export function checkedFilePath(workTree: string, file: string): string {
  const segments = file.split('/');
  if (
    file.startsWith('/') ||
    segments.some(
      segment => segment === '' || segment === '..' || segment === '.',
    ) ||
    segments[0] === '.git'
  ) {
    throw new Error(
      `"${file}" is not a relative file path inside a repository`,
    );
  }
  return join(workTree, ...segments);
}
