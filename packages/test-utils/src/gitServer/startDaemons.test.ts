import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './freePort';
import { startNginx } from './startDaemons';
import { Supervisor } from './supervisor';
import { findExecutable } from './tools';

const listen = (server: Server, port = 0) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });

// A configuration with nothing but a listener: what is tested is the start.
const minimalConfig = (workDirectory: string) => (port: number) =>
  `
daemon off; master_process off;
pid ${join(workDirectory, 'nginx.pid')};
error_log ${join(workDirectory, 'error.log')} error;
events {}
http {
  access_log off;
  client_body_temp_path ${join(workDirectory, 'b')};
  proxy_temp_path ${join(workDirectory, 'p')};
  fastcgi_temp_path ${join(workDirectory, 'f')};
  uwsgi_temp_path ${join(workDirectory, 'u')};
  scgi_temp_path ${join(workDirectory, 's')};
  server { listen 127.0.0.1:${port}; return 204; }
}`;

describe('startNginx', () => {
  let supervisor: Supervisor;
  let workDirectory: string;
  const occupant = createServer();
  beforeEach(async () => {
    workDirectory = await mkdtemp(join(tmpdir(), 'start-nginx-test-'));
    supervisor = new Supervisor(workDirectory);
  });
  afterEach(async () => {
    await supervisor.stopAll();
    await new Promise(resolve => occupant.close(resolve));
    await rm(workDirectory, { recursive: true, force: true });
  });

  it('tries another port when the one it picked was taken meanwhile', async () => {
    const nginx = findExecutable('nginx');
    if (!nginx)
      throw new Error(
        "nginx is missing: scripts/lib/git-server.sh installs Debian's nginx",
      );
    const taken = await listen(occupant);
    const picked: number[] = [];

    const port = await startNginx({
      nginx,
      workDirectory,
      supervisor,
      configFor: minimalConfig(workDirectory),
      pickPort: async () => {
        const next = picked.length === 0 ? taken : await findFreePort();
        picked.push(next);
        return next;
      },
    });

    expect(picked).toEqual([taken, port]);
    expect(port).not.toBe(taken);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(204);
  });
});
