/*
 * The `gatehouse` command line, for people and CI pipelines:
 *   gatehouse cost estimate PLAN.json [--usage USAGE.yml] [--format json|table]
 *   gatehouse cost estimate infra-plan.yaml [--environment ENV] [--prior PRIOR.yaml]
 *   gatehouse gate submit PLAN.json … / gatehouse gate wait ID --hash SHA
 * Each command is a pure function of its arguments and I/O, tested on its own;
 * this file only dispatches and sets the exit code.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runEstimateCli } from '@gatehouse/plugin-cost-node';
import { GATE_CLI_USAGE, runGateCli, type GateCliIo } from './gate/runGateCli';

const USAGE = `Usage:
  gatehouse cost estimate PLAN.json [--usage USAGE.yml] [--format json|table] [--region REGION]
  gatehouse cost estimate infra-plan.yaml [--environment ENV] [--prior PRIOR.yaml] [--format json|table]
${GATE_CLI_USAGE}`;

/**
 * No command was named: `--help` (or `-h`) prints the usage, anything else is
 * bad usage. Only the top-level options are parsed here, since each command
 * parses its own arguments.
 */
function answerWithoutCommand(
  argv: string[],
  io: Pick<GateCliIo, 'stdout' | 'stderr'>,
): number {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    io.stderr(USAGE);
  } catch (error) {
    // An unknown option: say which, then how to use the command line.
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);
  }
  return 2;
}

async function main(argv: string[]): Promise<number> {
  // The command's words come first; everything after them is its own arguments.
  const [group, ...groupArgs] = argv;
  const io = {
    readFile: (path: string) => readFile(path, 'utf8'),
    stdout: (text: string) =>
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text: string) =>
      process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
  if (group === 'cost' && groupArgs[0] === 'estimate') {
    return runEstimateCli(groupArgs.slice(1), io);
  }
  if (group === 'gate') {
    return runGateCli(groupArgs, {
      ...io,
      fetch,
      env: process.env,
      sleep: ms => new Promise(wake => setTimeout(wake, ms)),
      now: () => Date.now(),
    });
  }
  return answerWithoutCommand(argv, io);
}

main(process.argv.slice(2)).then(
  code => process.exit(code),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
