import { createServer } from 'node:net';

/**
 * A port on 127.0.0.1 that was free a moment ago: the kernel picks one for a
 * listener on port 0, which is closed again. Another process may take it
 * before nginx binds it, so the caller retries on "Address already in use".
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
