import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

/** A program the server started, in a process group of its own. */
export type ServerProcess = {
  name: string;
  child: ChildProcess;
  /** What it wrote to standard error, for the error when it fails. */
  output(): string;
  /** Resolves when it has exited (at once if it already has). */
  exited: Promise<number | null>;
};

/**
 * Starts a program in a process group of its own, so that it and every
 * process it forks (fcgiwrap's children, the git-http-backend each request
 * runs) can be killed together.
 */
export function startProcess(
  name: string,
  command: string,
  args: string[],
): ServerProcess {
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
  });
  let stderr = '';
  child.stderr?.on('data', chunk => {
    stderr += chunk.toString();
  });
  // A server a test forgot to stop must not keep Jest running: the
  // Supervisor's watchdog kills it when the Jest process ends.
  child.unref();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  const exited = new Promise<number | null>(resolve => {
    child.on('exit', code => resolve(code));
    child.on('error', () => resolve(-1));
  });
  return { name, child, output: () => stderr, exited };
}

/**
 * Signals a started program's whole process group, which outlives the
 * program itself while any of its children lives; harmless once all are gone.
 */
export function killProcessGroup(
  server: ServerProcess,
  signal: NodeJS.Signals,
): void {
  if (server.child.pid === undefined) return;
  try {
    process.kill(-server.child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops a started program: SIGTERM, then SIGKILL if it lingers. */
export async function stopProcess(server: ServerProcess): Promise<void> {
  // Its exit must keep Node running until it comes (the child is unref'd).
  server.child.ref();
  killProcessGroup(server, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    server.exited,
    new Promise<void>(resolve => {
      timer = setTimeout(() => {
        killProcessGroup(server, 'SIGKILL');
        resolve();
      }, 2000);
    }),
  ]);
  clearTimeout(timer);
  // fcgiwrap's children may outlive it: the group kill reaches them too.
  killProcessGroup(server, 'SIGKILL');
  await server.exited;
}

const sleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Polls `isReady` until it is true; fails when the program exits first or the
 * deadline passes, with what it printed.
 */
export async function waitUntilReady(
  server: ServerProcess,
  isReady: () => Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  let exitCode: number | null | undefined;
  server.exited.then(code => {
    exitCode = code;
  });
  // performance, not Date: tests may pin Date (pinTestDate), which would stop the deadline.
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(
        `${server.name} exited (code ${exitCode}) before it was ready: ${server
          .output()
          .trim()}`,
      );
    }
    if (await isReady()) return;
    if (performance.now() > deadline) {
      throw new Error(
        `${server.name} was not ready after ${timeoutMs} ms: ${server
          .output()
          .trim()}`,
      );
    }
    await sleep(20);
  }
}

/** Whether a unix socket accepts connections. */
export function socketAccepts(path: string): Promise<boolean> {
  if (!existsSync(path)) return Promise.resolve(false);
  return new Promise(resolve => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
