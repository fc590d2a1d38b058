import type { CostEstimate } from '@gatehouse/plugin-cost-common';
import { InvalidInputError } from '../errors';
import { formatEstimateTable } from '../format/table';
import { estimateInfraPlan } from '../infraPlan/estimateInfraPlan';
import { classifyPlanText, readInfraPlan } from '../infraPlan/readInfraPlan';
import type { PriceBook } from '../pricing/PriceBook';
import type { UsageData } from '../usage/usageFile';
import { loadPriceBook } from '../pricing/loadPricing';
import { estimateTerraformPlan } from '../terraform/estimateTerraformPlan';
import { parseUsageFile } from '../usage/usageFile';

/**
 * What {@link runEstimateCli} may touch: reading files and writing output.
 *
 * @public
 */
export type EstimateCliIo = {
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
};

/** Usage text of the `gatehouse cost estimate` command. */
export const ESTIMATE_CLI_USAGE = `Usage: gatehouse cost estimate PLAN.json [--usage USAGE.yml] [--format json|table] [--region REGION] [--pricing PRICING.json]
       gatehouse cost estimate infra-plan.yaml [--environment ENV] [--prior PRIOR.yaml] [--usage USAGE.yml] [--format json|table] [--pricing PRICING.json]

  PLAN.json        output of: terraform show -json PLANFILE
  infra-plan.yaml  a Gatehouse infrastructure plan (YAML, or JSON of kind InfrastructurePlan)
  --environment    infrastructure plans: estimate only this environment
  --prior          infrastructure plans: the revision in force now, to show the change
  --usage          usage file (YAML or JSON) keyed by resource address
  --format         table (default) or json
  --region         Terraform plans: price every resource in this region
  --pricing        pricing file to use instead of the shipped one
`;

const VALUE_FLAGS = new Set([
  '--usage',
  '--format',
  '--region',
  '--pricing',
  '--environment',
  '--prior',
]);

/** Estimates whichever kind of plan the file holds. */
async function estimateFile(
  planText: string,
  flags: Map<string, string>,
  io: EstimateCliIo,
  common: { usage?: UsageData; priceBook?: PriceBook },
): Promise<CostEstimate> {
  const input = classifyPlanText(planText);
  if (input.kind === 'terraform') {
    for (const flag of ['--environment', '--prior']) {
      if (flags.has(flag)) {
        throw new InvalidInputError(
          `${flag} applies to infrastructure plans; this is a Terraform plan`,
        );
      }
    }
    return estimateTerraformPlan(input.plan, {
      ...common,
      region: flags.get('--region'),
    });
  }
  if (flags.has('--region')) {
    throw new InvalidInputError(
      '--region applies to Terraform plans; an infrastructure plan names the region of each environment',
    );
  }
  const priorPath = flags.get('--prior');
  const prior = priorPath
    ? classifyPlanText(await io.readFile(priorPath))
    : undefined;
  if (prior?.kind === 'terraform') {
    throw new InvalidInputError(
      `--prior ${priorPath} is not an infrastructure plan`,
    );
  }
  return estimateInfraPlan(readInfraPlan(input.plan), {
    ...common,
    environment: flags.get('--environment'),
    priorPlan: prior ? readInfraPlan(prior.plan, priorPath) : undefined,
  });
}

/**
 * The `gatehouse cost estimate` command as a pure function: parses `argv`
 * (arguments after the command name), reads files through `io`, writes the
 * estimate to `io.stdout` and returns the exit code (0 ok, 1 invalid input,
 * 2 bad arguments).
 *
 * @public
 */
export async function runEstimateCli(
  argv: string[],
  io: EstimateCliIo,
): Promise<number> {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      io.stdout(ESTIMATE_CLI_USAGE);
      return 0;
    }
    const [flag, inlineValue] = arg.startsWith('--')
      ? arg.split(/=(.*)/s, 2)
      : [arg, undefined];
    if (VALUE_FLAGS.has(flag)) {
      const value = inlineValue ?? argv[++i];
      if (value === undefined) {
        io.stderr(`${flag} needs a value\n\n${ESTIMATE_CLI_USAGE}`);
        return 2;
      }
      flags.set(flag, value);
    } else if (arg.startsWith('--')) {
      io.stderr(`Unknown option ${arg}\n\n${ESTIMATE_CLI_USAGE}`);
      return 2;
    } else {
      positional.push(arg);
    }
  }
  const format = flags.get('--format') ?? 'table';
  if (positional.length !== 1 || (format !== 'json' && format !== 'table')) {
    io.stderr(ESTIMATE_CLI_USAGE);
    return 2;
  }
  try {
    const planText = await io.readFile(positional[0]);
    const usagePath = flags.get('--usage');
    const pricingPath = flags.get('--pricing');
    const estimate = await estimateFile(planText, flags, io, {
      usage: usagePath
        ? parseUsageFile(await io.readFile(usagePath), usagePath)
        : undefined,
      priceBook: pricingPath ? loadPriceBook(pricingPath) : undefined,
    });
    io.stdout(
      format === 'json'
        ? `${JSON.stringify(estimate, null, 2)}\n`
        : formatEstimateTable(estimate),
    );
    return 0;
  } catch (error) {
    if (
      error instanceof InvalidInputError ||
      (error as NodeJS.ErrnoException).code === 'ENOENT'
    ) {
      io.stderr(`${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}
