import { parseFault } from './server/faults';
import type { ClusterSimulatorOptions } from './simulator';

/** What the command line asks for. */
export interface CliOptions {
  simulator: ClusterSimulatorOptions;
  /** Write the `kubernetes:` app-config block (YAML) to this file. */
  appConfigFile?: string;
  help: boolean;
}

export const USAGE = `Usage: cluster-simulator [options]

Starts simulated Kubernetes API servers on 127.0.0.1 (a simulator, not
Kubernetes) for eks-development-use1, eks-staging-use1 and eks-production-use1.

Options:
  --port-base <port>         port of the first cluster, the others follow (default 6443; 0 = ephemeral)
  --pods-per-cluster <n>     total pods per cluster, filled with bench-svc-### services
  --bench-services <n>       number of synthetic bench services (default: one per 20 bench pods)
  --token <token>            bearer token every cluster requires
  --fault <cluster>=<fault>  start with a fault: none, down, hang, error5xx[:code], delayMs:<ms>
                             (combine with +); repeatable
  --watch-timeout <seconds>  server-side timeout of watches without timeoutSeconds (default 1800)
  --app-config <file>        also write the kubernetes: app-config block to <file>
  -h, --help                 show this help
`;

function intArg(flag: string, value: string | undefined, min = 0): number {
  if (value === undefined || !/^\d+$/.test(value)) {
    throw new Error(`${flag} needs a whole number, got '${value ?? ''}'`);
  }
  const n = Number(value);
  if (n < min) {
    throw new Error(`${flag} must be at least ${min}`);
  }
  return n;
}

/** Parses the CLI flags (`--flag value` or `--flag=value`). */
export function parseCliArgs(argv: string[]): CliOptions {
  const simulator: ClusterSimulatorOptions = {};
  const faults: Record<string, string> = {};
  const out: CliOptions = { simulator, help: false };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const next = () => {
      if (value !== undefined) {
        return value;
      }
      const v = argv[++i];
      if (v === undefined) {
        throw new Error(`${arg} needs a value`);
      }
      return v;
    };
    switch (arg) {
      case '-h':
      case '--help':
        out.help = true;
        break;
      case '--port-base': {
        const port = intArg(arg, next());
        if (port > 65535) {
          throw new Error('--port-base must be a port number');
        }
        simulator.portBase = port;
        break;
      }
      case '--pods-per-cluster':
        simulator.podsPerCluster = intArg(arg, next());
        break;
      case '--bench-services':
        simulator.benchServices = intArg(arg, next(), 1);
        break;
      case '--token':
        simulator.token = next();
        break;
      case '--watch-timeout':
        simulator.watchTimeoutSeconds = intArg(arg, next());
        break;
      case '--app-config':
        out.appConfigFile = next();
        break;
      case '--fault': {
        const spec = next();
        const at = spec.indexOf('=');
        if (at <= 0) {
          throw new Error(`--fault needs <cluster>=<fault>, got '${spec}'`);
        }
        const cluster = spec.slice(0, at);
        const fault = spec.slice(at + 1);
        parseFault(fault);
        faults[cluster] = fault;
        break;
      }
      default:
        throw new Error(`Unknown option '${argv[i]}'`);
    }
  }
  if (Object.keys(faults).length) {
    simulator.faults = faults;
  }
  return out;
}
