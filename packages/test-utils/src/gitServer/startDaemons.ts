import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from './freePort';
import { socketAccepts, startProcess, waitUntilReady } from './processes';
import { Supervisor } from './supervisor';

const NGINX_START_ATTEMPTS = 5;

/**
 * fcgiwrap on a unix socket, running nothing but git-http-backend whatever
 * a request names (-p), with two preforked children. Resolves once the
 * socket accepts connections. The supervisor watches it from its start, so
 * it is killed even if the test ends while this waits.
 */
export async function startFcgiwrap(input: {
  fcgiwrap: string;
  socket: string;
  httpBackend: string;
  supervisor: Supervisor;
}): Promise<void> {
  const fcgiwrap = startProcess('fcgiwrap', input.fcgiwrap, [
    '-c',
    '2',
    '-p',
    input.httpBackend,
    '-s',
    `unix:${input.socket}`,
  ]);
  input.supervisor.add(fcgiwrap);
  await waitUntilReady(fcgiwrap, () => socketAccepts(input.socket));
}

/**
 * nginx on a free port of 127.0.0.1 with the configuration `configFor(port)`
 * renders. The port was free when picked but another process may bind it
 * first: then nginx says "Address already in use" and another port is tried.
 * Resolves with the port once nginx has bound it.
 */
export async function startNginx(input: {
  nginx: string;
  workDirectory: string;
  configFor: (port: number) => string;
  supervisor: Supervisor;
  /** Picks the port to try; a free one by default (tests pass a taken one). */
  pickPort?: () => Promise<number>;
}): Promise<number> {
  const pickPort = input.pickPort ?? findFreePort;
  const configFile = join(input.workDirectory, 'nginx.conf');
  // The configuration's pid file, which nginx writes once it has bound the port.
  const pidFile = join(input.workDirectory, 'nginx.pid');
  for (let attempt = 1; ; attempt++) {
    const port = await pickPort();
    await writeFile(configFile, input.configFor(port));
    // -e stderr: errors before the configuration is read come to us, not to
    // /var/log/nginx.
    const nginx = startProcess('nginx', input.nginx, [
      '-p',
      input.workDirectory,
      '-c',
      configFile,
      '-e',
      'stderr',
    ]);
    input.supervisor.add(nginx);
    try {
      await waitUntilReady(nginx, async () => existsSync(pidFile));
      return port;
    } catch (error) {
      await input.supervisor.stop(nginx);
      const taken = /Address already in use/.test(nginx.output());
      if (!taken || attempt >= NGINX_START_ATTEMPTS) throw error;
    }
  }
}
