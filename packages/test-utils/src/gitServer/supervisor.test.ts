import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerProcess, startProcess, stopProcess } from './processes';
import { Supervisor, startWatchdog } from './supervisor';

const signalOf = (server: ServerProcess) =>
  server.exited.then(() => server.child.signalCode);

describe('the watchdog', () => {
  const sleepers: ServerProcess[] = [];
  const sleeper = () => {
    const server = startProcess('sleep', 'sleep', ['30']);
    sleepers.push(server);
    return server;
  };
  afterEach(async () => {
    for (const server of sleepers.splice(0)) await stopProcess(server);
  });

  it('kills the listed process groups and deletes the directory when its input ends, as when the test process dies', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'watchdog-test-'));
    const killed = sleeper();
    const forgotten = sleeper();
    const watchdog = startWatchdog(directory);

    watchdog.stdin!.write(`+${killed.child.pid}\n+${forgotten.child.pid}\n`);
    watchdog.stdin!.write(`-${forgotten.child.pid}\n`);
    watchdog.stdin!.end();

    expect(await signalOf(killed)).toBe('SIGKILL');
    await new Promise(resolve => watchdog.once('exit', resolve));
    expect(existsSync(directory)).toBe(false);
    // Its exit, had it been killed, would come within moments.
    const stillRunning = await Promise.race([
      forgotten.exited.then(() => false),
      new Promise(resolve => setTimeout(() => resolve(true), 200)),
    ]);
    expect(stillRunning).toBe(true);
  });
});

describe('Supervisor', () => {
  it('stops what it watches, politely (SIGTERM), the last started first', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'supervisor-test-'));
    const supervisor = new Supervisor(directory);
    const first = startProcess('sleep', 'sleep', ['30']);
    const second = startProcess('sleep', 'sleep', ['30']);
    supervisor.add(first);
    supervisor.add(second);
    const order: string[] = [];
    first.exited.then(() => order.push('first'));
    second.exited.then(() => order.push('second'));

    await supervisor.stopAll();

    expect(order).toEqual(['second', 'first']);
    expect(first.child.signalCode).toBe('SIGTERM');
    await rm(directory, { recursive: true, force: true });
  });
});
