import { spawn } from 'node:child_process';
import { ServerProcess, stopProcess } from './processes';

// Reads "+<group>" and "-<group>" lines; at end of input (the test process
// ended its pipe, or died) kills every group still listed and deletes the
// server's directory.
const WATCHDOG_SCRIPT = `
groups=''
while read -r line; do
  case "$line" in
    +*) groups="$groups \${line#+}" ;;
    -*) keep=''
        for g in $groups; do [ "$g" = "\${line#-}" ] || keep="$keep $g"; done
        groups=$keep ;;
  esac
done
for g in $groups; do kill -s KILL -- "-$g" 2>/dev/null; done
rm -rf -- "$1"
`;

/**
 * The watchdog: write `+<pid>` lines for process groups to kill and `-<pid>`
 * for ones to forget, and end its standard input (or die) to set it off.
 */
export function startWatchdog(workDirectory: string) {
  // Detached: in a session of its own, a Ctrl-C to the tests does not reach it.
  const watchdog = spawn(
    '/bin/sh',
    ['-c', WATCHDOG_SCRIPT, 'sh', workDirectory],
    {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    },
  );
  // Neither it nor its pipe may keep Jest running.
  watchdog.unref();
  (watchdog.stdin as { unref?: () => void } | null)?.unref?.();
  watchdog.stdin?.on('error', () => {});
  return watchdog;
}

/**
 * The server's programs, stopped together. A watchdog shell in a session of
 * its own holds a pipe from this process: whenever this process ends (Jest
 * finishing with a server a test did not stop, a crash, a SIGKILL), the
 * pipe closes and the watchdog kills the programs' process groups and
 * deletes `workDirectory`. A listener on process 'exit' would not do: Jest
 * gives each test file a process object of its own, whose 'exit' never comes.
 */
export class Supervisor {
  private readonly running: ServerProcess[] = [];
  private readonly watchdog: ReturnType<typeof startWatchdog>;

  constructor(workDirectory: string) {
    this.watchdog = startWatchdog(workDirectory);
  }

  /** Watches a program that was just started. */
  add(server: ServerProcess): void {
    this.running.push(server);
    this.tell(`+${server.child.pid}`);
  }

  /** Stops one program (one that failed to start) and forgets it. */
  async stop(server: ServerProcess): Promise<void> {
    const index = this.running.indexOf(server);
    if (index >= 0) this.running.splice(index, 1);
    await stopProcess(server);
    this.tell(`-${server.child.pid}`);
  }

  /** Stops every program, the last started first, and ends the watchdog. */
  async stopAll(): Promise<void> {
    for (const server of [...this.running].reverse()) {
      await this.stop(server);
    }
    this.watchdog.stdin?.end();
  }

  private tell(line: string): void {
    if (this.watchdog.stdin?.writable) this.watchdog.stdin.write(`${line}\n`);
  }
}
