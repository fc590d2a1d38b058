/* eslint-disable no-console */
import { writeFileSync } from 'node:fs';
import { appConfigFor, toYaml } from './appConfig';
import { parseCliArgs, USAGE } from './cliArgs';
import { describeFault } from './server/faults';
import { startClusterSimulator } from './simulator';

/**
 * CLI: starts the simulated clusters, prints their URLs and the app-config
 * to point the portal at them, and runs until SIGINT/SIGTERM.
 */
async function main() {
  let cli;
  try {
    cli = parseCliArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (cli.help) {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  const sim = await startClusterSimulator(cli.simulator);
  console.log(
    `Gatehouse cluster simulator (a simulator, not Kubernetes) ready in ${
      Date.now() - started
    } ms:`,
  );
  for (const c of sim.clusters) {
    const pods = sim.state(c.name).objects('Pod').length;
    const fault = describeFault(sim.getFault(c.name));
    console.log(
      `  ${c.name.padEnd(22)} ${c.url}  (${c.environment}, ${pods} pods${
        fault === 'none' ? '' : `, fault: ${fault}`
      })`,
    );
  }
  const yaml = toYaml(appConfigFor(sim.clusters));
  console.log(`\nPoint the portal at it with this app-config:\n\n${yaml}`);
  if (cli.appConfigFile) {
    writeFileSync(cli.appConfigFile, yaml);
    console.log(`(written to ${cli.appConfigFile})`);
  }
  console.log(
    'Faults at run time: POST /__simulator/faults {"cluster":"eks-staging-use1","fault":"hang"} on any cluster URL. Ctrl-C stops.',
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`\n${signal}: stopping`);
    sim.stop().then(
      () => process.exit(0),
      err => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch(err => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
