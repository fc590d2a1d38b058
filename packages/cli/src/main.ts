/*
 * The `gatehouse` command line, for people and CI pipelines:
 *   gatehouse cost estimate PLAN.json [--usage USAGE.yml] [--format json|table]
 *   gatehouse cost estimate infra-plan.yaml [--environment ENV] [--prior PRIOR.yaml]
 *   gatehouse gate submit PLAN.json … / gatehouse gate wait ID --hash SHA
 * Each command is a pure function of its arguments and I/O, tested on its own;
 * this file only dispatches and sets the exit code.
 */
import { readFile } from 'node:fs/promises';
import { runEstimateCli } from '@gatehouse/plugin-cost-node';
import { GATE_CLI_USAGE, runGateCli } from './gate/runGateCli';

const USAGE = `Usage:
  gatehouse cost estimate PLAN.json [--usage USAGE.yml] [--format json|table] [--region REGION]
  gatehouse cost estimate infra-plan.yaml [--environment ENV] [--prior PRIOR.yaml] [--format json|table]
${GATE_CLI_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  const io = {
    readFile: (path: string) => readFile(path, 'utf8'),
    stdout: (text: string) =>
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text: string) =>
      process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
  if (group === 'cost' && command === 'estimate') {
    return runEstimateCli(rest, io);
  }
  if (group === 'gate') {
    return runGateCli([command, ...rest].filter(Boolean), {
      ...io,
      fetch,
      env: process.env,
      sleep: ms => new Promise(wake => setTimeout(wake, ms)),
      now: () => Date.now(),
    });
  }
  io.stderr(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  code => process.exit(code),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
