import { parseArgs } from 'node:util';
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

/**
 * The flags, for `node:util`'s parseArgs. Every value is read as a string
 * and checked below, so a bad number gets this CLI's own message.
 */
const OPTIONS = {
  'port-base': { type: 'string' },
  'pods-per-cluster': { type: 'string' },
  'bench-services': { type: 'string' },
  token: { type: 'string' },
  fault: { type: 'string', multiple: true }, // one per cluster
  'watch-timeout': { type: 'string' },
  'app-config': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof OPTIONS;

function isOptionName(name: string): name is OptionName {
  return Object.prototype.hasOwnProperty.call(OPTIONS, name);
}

/**
 * Splits the command line into flags with parseArgs (`--flag value`,
 * `--flag=value`, `-h`) and returns them in order. parseArgs runs
 * non-strict so that unknown flags and missing values come back as tokens
 * and get this CLI's messages rather than Node's.
 */
function flags(
  argv: string[],
): Array<{ name: OptionName; flag: string; value: string | undefined }> {
  const { tokens } = parseArgs({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  return tokens.map(token => {
    // Positionals and `--` are unknown here too: the CLI takes only flags.
    if (token.kind !== 'option' || !isOptionName(token.name)) {
      throw new Error(`Unknown option '${argv[token.index]}'`);
    }
    const flag = token.rawName;
    if (OPTIONS[token.name].type === 'string' && token.value === undefined) {
      throw new Error(`${flag} needs a value`);
    }
    return { name: token.name, flag, value: token.value };
  });
}

/** Parses the CLI flags (`--flag value` or `--flag=value`). */
export function parseCliArgs(argv: string[]): CliOptions {
  const simulator: ClusterSimulatorOptions = {};
  const faults: Record<string, string> = {};
  const out: CliOptions = { simulator, help: false };
  for (const { name, flag, value = '' } of flags(argv)) {
    switch (name) {
      case 'help':
        out.help = true;
        break;
      case 'port-base': {
        const port = intArg(flag, value);
        if (port > 65535) {
          throw new Error('--port-base must be a port number');
        }
        simulator.portBase = port;
        break;
      }
      case 'pods-per-cluster':
        simulator.podsPerCluster = intArg(flag, value);
        break;
      case 'bench-services':
        simulator.benchServices = intArg(flag, value, 1);
        break;
      case 'token':
        simulator.token = value;
        break;
      case 'watch-timeout':
        simulator.watchTimeoutSeconds = intArg(flag, value);
        break;
      case 'app-config':
        out.appConfigFile = value;
        break;
      case 'fault': {
        const at = value.indexOf('=');
        if (at <= 0) {
          throw new Error(`--fault needs <cluster>=<fault>, got '${value}'`);
        }
        const cluster = value.slice(0, at);
        const fault = value.slice(at + 1);
        parseFault(fault);
        faults[cluster] = fault;
        break;
      }
      default:
        throw new Error(`Unknown option '${flag}'`);
    }
  }
  if (Object.keys(faults).length) {
    simulator.faults = faults;
  }
  return out;
}
