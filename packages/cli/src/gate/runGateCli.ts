import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { approvalsClientFor, describeFailure } from './gatehouseClient';

/** What the gate command needs from the world; tests pass fakes. */
export type GateCliIo = {
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  fetch: typeof fetch;
  env: Record<string, string | undefined>;
  sleep(ms: number): Promise<void>;
  now(): number;
};

export const GATE_CLI_USAGE = `Usage:
  gatehouse gate submit PLAN.json --entity REF --environment ENV --title TITLE
                        --rollback TEXT|FILE --test-plan TEXT|FILE [--request ID]
  gatehouse gate wait ID --hash SHA256 [--timeout 30m] [--interval 10s]
  gatehouse gate report ID --hash SHA256 --status applied|failed [--log URL]
                        [--commit SHA]

  ENV is an environment of the entity in the catalog (or of its infrastructure
  plan); its tier, not its name, decides the approvals it needs.
  The Gatehouse backend is GATEHOUSE_URL (e.g. https://gatehouse.example.com);
  GATEHOUSE_TOKEN is a static service token (backend.auth.externalAccess).
  submit prints the request's id, content hash and status as JSON.
  wait exits 0 only when that exact content hash is approved; 1 when it is
  rejected, expired, superseded or needs changes; 3 on timeout; 2 on bad usage.
  report records on the request that the pipeline applied the approved change
  (or failed to), with its log; it is refused (exit 1) for a hash that is not
  the approved one.
`;

const EXIT = { ok: 0, refused: 1, usage: 2, timeout: 3 } as const;

/**
 * The options of `gate submit` and `gate wait` (see GATE_CLI_USAGE). One table
 * for both commands, as before parseArgs: an option of the other command is
 * ignored, while an unknown one is bad usage.
 */
const GATE_OPTIONS = {
  entity: { type: 'string' },
  environment: { type: 'string' },
  title: { type: 'string' },
  rollback: { type: 'string' },
  'test-plan': { type: 'string' },
  request: { type: 'string' },
  hash: { type: 'string' },
  timeout: { type: 'string', default: '30m' },
  interval: { type: 'string', default: '10s' },
  status: { type: 'string' },
  log: { type: 'string' },
  commit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

/** What `gate submit` requires: parseArgs has no required options, so these are checked after it. */
const REQUIRED_FOR_SUBMIT = [
  'entity',
  'environment',
  'title',
  'rollback',
  'test-plan',
] as const;

function parseGateArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    options: GATE_OPTIONS,
    allowPositionals: true,
  });
}

/** parseArgs reports bad usage (unknown option, missing value) with these codes. */
function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** "30m", "90s", "2h" → milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)(ms|s|m|h)$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 'ms'];
  return Number(match[1]) * unit;
}

/** The gate for CI pipelines: submit a plan, then wait for its approval. */
export async function runGateCli(
  argv: string[],
  io: GateCliIo,
): Promise<number> {
  let parsed: ReturnType<typeof parseGateArgs>;
  try {
    parsed = parseGateArgs(argv);
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    io.stderr(`${error.message}\n\n${GATE_CLI_USAGE}`);
    return EXIT.usage;
  }
  const {
    values: flags,
    positionals: [command, target],
  } = parsed;
  if (flags.help) {
    io.stdout(GATE_CLI_USAGE);
    return EXIT.ok;
  }
  const baseUrl = io.env.GATEHOUSE_URL?.replace(/\/$/, '');
  const token = io.env.GATEHOUSE_TOKEN;
  if (!baseUrl || !token) {
    io.stderr(
      `GATEHOUSE_URL and GATEHOUSE_TOKEN must be set\n\n${GATE_CLI_USAGE}`,
    );
    return EXIT.usage;
  }
  const approvals = approvalsClientFor({ baseUrl, token, fetch: io.fetch });

  if (command === 'submit') {
    const planPath = target;
    const missing = REQUIRED_FOR_SUBMIT.filter(f => !flags[f]);
    if (!planPath || missing.length > 0) {
      io.stderr(
        `${
          planPath ? `missing --${missing.join(', --')}` : 'missing PLAN.json'
        }\n\n${GATE_CLI_USAGE}`,
      );
      return EXIT.usage;
    }
    // A flag naming a file means its content: rollback and test plans are usually markdown files.
    const textOrFile = async (value: string) =>
      existsSync(value) ? io.readFile(value) : value;
    try {
      const created = await approvals.submit({
        requestId: flags.request,
        title: flags.title!,
        entityRef: flags.entity!,
        environment: flags.environment!,
        plan: await io.readFile(planPath),
        notes: {
          rollbackPlan: await textOrFile(flags.rollback!),
          testPlan: await textOrFile(flags['test-plan']!),
        },
        submitterKind: 'pipeline',
      });
      io.stdout(
        JSON.stringify({
          id: created.id,
          contentHash: created.contentHash,
          status: created.status,
          policySummary: created.policySummary,
          url: `${baseUrl}/approvals/requests/${created.id}`,
        }),
      );
      return EXIT.ok;
    } catch (error) {
      io.stderr(`submission refused: ${describeFailure(error)}`);
      return EXIT.refused;
    }
  }

  if (command === 'wait') {
    const id = target;
    const hash = flags.hash;
    const timeout = parseDuration(flags.timeout);
    const interval = parseDuration(flags.interval);
    if (!id || !hash || !/^[a-f0-9]{64}$/.test(hash) || !timeout || !interval) {
      io.stderr(
        `wait needs an id, --hash (64 hex characters) and valid durations\n\n${GATE_CLI_USAGE}`,
      );
      return EXIT.usage;
    }
    const deadline = io.now() + timeout;
    for (;;) {
      let answer;
      try {
        answer = await approvals.gate(id, hash);
      } catch (error) {
        io.stderr(`cannot read the request: ${describeFailure(error)}`);
        return EXIT.refused;
      }
      if (answer.approved) {
        io.stdout(`approved: ${answer.policySummary}`);
        return EXIT.ok;
      }
      if (answer.status !== 'pending' || answer.contentHash !== hash) {
        io.stderr(`not approved: ${answer.reason}`);
        return EXIT.refused;
      }
      if (io.now() + interval > deadline) {
        io.stderr(`timed out waiting: ${answer.policySummary}`);
        return EXIT.timeout;
      }
      io.stderr(`waiting: ${answer.policySummary}`);
      await io.sleep(interval);
    }
  }

  if (command === 'report') {
    const id = target;
    const { hash, status, log, commit } = flags;
    if (
      !id ||
      !hash ||
      !/^[a-f0-9]{64}$/.test(hash) ||
      (status !== 'applied' && status !== 'failed')
    ) {
      io.stderr(
        `report needs an id, --hash (64 hex characters) and --status applied or failed\n\n${GATE_CLI_USAGE}`,
      );
      return EXIT.usage;
    }
    try {
      const request = await approvals.reportDelivery(id, {
        step: status,
        contentHash: hash,
        link: log,
        commit,
      });
      io.stdout(
        JSON.stringify({
          id: request.id,
          deliveryState: request.delivery?.state ?? null,
          url: `${baseUrl}/approvals/requests/${request.id}`,
        }),
      );
      return EXIT.ok;
    } catch (error) {
      io.stderr(`report refused: ${describeFailure(error)}`);
      return EXIT.refused;
    }
  }

  io.stderr(GATE_CLI_USAGE);
  return EXIT.usage;
}
