import { execFile } from 'node:child_process';
import { findExecutable } from './tools';

/** A user name and password the server asks for (HTTP basic auth). */
export type BasicAuth = { username: string; password: string };

/**
 * One htpasswd line for nginx's auth_basic: the password hashed with
 * `openssl passwd -apr1` (Apache's MD5), which nginx reads.
 */
export async function htpasswdLine(auth: BasicAuth): Promise<string> {
  if (/[:\n]/.test(auth.username)) {
    throw new Error('A basic auth user name cannot contain ":" or a newline');
  }
  const openssl = findExecutable('openssl');
  if (!openssl) {
    throw new Error(
      "startGitServer({ basicAuth }) hashes the password with openssl, which is not on PATH: install Debian's openssl package",
    );
  }
  const hash = await new Promise<string>((resolve, reject) => {
    // The password goes on standard input, not the command line.
    const child = execFile(
      openssl,
      ['passwd', '-apr1', '-stdin'],
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`openssl passwd failed: ${stderr || error}`))
          : resolve(stdout.trim()),
    );
    child.stdin?.end(`${auth.password}\n`);
  });
  return `${auth.username}:${hash}\n`;
}

/** The Authorization header value git and isomorphic-git send for `auth`. */
export function basicAuthorization(auth: BasicAuth): string {
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString(
    'base64',
  )}`;
}
