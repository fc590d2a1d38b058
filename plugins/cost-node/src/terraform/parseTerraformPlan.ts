import type {
  ResourceAction,
  ResourceIdentity,
} from '@gatehouse/plugin-cost-common';
import { InvalidInputError } from '../errors';
import { describeValue, isPlainObject } from '../util/narrow';
import { resolveAction } from './actions';
import { formatModuleAddress, parseResourceAddress } from './resourceAddress';

/**
 * One validated entry of the plan's `resource_changes`.
 *
 * @public
 */
export type PlanResourceChange = ResourceIdentity & {
  /** Position in `resource_changes`, for error messages. */
  position: number;
  providerName?: string;
  action: ResourceAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Mirrors `after` with `true` where a value is only known after apply. */
  afterUnknown: unknown;
};

/**
 * The parts of a `terraform show -json` plan that the estimator uses.
 *
 * @public
 */
export type ParsedPlan = {
  formatVersion: string;
  terraformVersion?: string;
  resourceChanges: PlanResourceChange[];
  /** The raw `configuration` block (provider config, expressions). */
  configuration?: Record<string, unknown>;
  /** Root module input variable values, by name. */
  variables: Record<string, unknown>;
};

const SUPPORTED_MAJOR_VERSIONS = new Set(['0', '1']);

function fail(path: string, problem: string): never {
  throw new InvalidInputError(`Invalid Terraform plan: ${path} ${problem}`);
}

function optionalString(path: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    fail(path, `must be a string (got ${describeValue(value)})`);
  }
  return value;
}

function objectOrNull(
  path: string,
  value: unknown,
): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  if (!isPlainObject(value)) {
    fail(path, `must be an object or null (got ${describeValue(value)})`);
  }
  return value;
}

function parseResourceChange(
  raw: unknown,
  position: number,
): PlanResourceChange {
  const path = `resource_changes[${position}]`;
  if (!isPlainObject(raw)) {
    fail(path, `must be an object (got ${describeValue(raw)})`);
  }
  if (typeof raw.address !== 'string' || raw.address === '') {
    fail(
      `${path}.address`,
      `must be a non-empty string (got ${describeValue(raw.address)})`,
    );
  }
  const address = raw.address;
  const change = raw.change;
  if (!isPlainObject(change)) {
    fail(`${path}.change`, `must be an object (got ${describeValue(change)})`);
  }
  const actions = change.actions;
  if (!Array.isArray(actions)) {
    fail(
      `${path}.change.actions`,
      `must be an array (got ${describeValue(actions)})`,
    );
  }
  for (let i = 0; i < actions.length; i++) {
    if (typeof actions[i] !== 'string') {
      fail(
        `${path}.change.actions[${i}]`,
        `must be a string (got ${describeValue(actions[i])})`,
      );
    }
  }
  const action = resolveAction(actions as string[]);
  if (!action) {
    fail(
      `${path}.change.actions`,
      `has an unsupported combination ${JSON.stringify(actions)}`,
    );
  }

  let mode: 'managed' | 'data';
  if (raw.mode === undefined) {
    mode =
      address.startsWith('data.') || address.includes('.data.')
        ? 'data'
        : 'managed';
  } else if (raw.mode === 'managed' || raw.mode === 'data') {
    mode = raw.mode;
  } else {
    fail(
      `${path}.mode`,
      `must be "managed" or "data" (got ${describeValue(raw.mode)})`,
    );
  }

  let type = optionalString(`${path}.type`, raw.type);
  let name = optionalString(`${path}.name`, raw.name);
  let moduleAddress = optionalString(
    `${path}.module_address`,
    raw.module_address,
  );
  let index: number | string | undefined;
  if (raw.index !== undefined && raw.index !== null) {
    if (typeof raw.index !== 'number' && typeof raw.index !== 'string') {
      fail(
        `${path}.index`,
        `must be a number or a string (got ${describeValue(raw.index)})`,
      );
    }
    index = raw.index;
  }
  // Older or hand-written plans may omit the structured fields; the address
  // carries the same information. Parse it only when something is missing.
  const needsAddress =
    type === undefined ||
    name === undefined ||
    (moduleAddress === undefined && address.startsWith('module.')) ||
    (index === undefined && address.endsWith(']'));
  if (needsAddress) {
    const parsed = parseResourceAddress(address);
    type ??= parsed.type;
    name ??= parsed.name;
    if (moduleAddress === undefined && parsed.modules.length > 0) {
      moduleAddress = formatModuleAddress(parsed.modules);
    }
    if (index === undefined) index = parsed.index;
  }

  const resourceChange: PlanResourceChange = {
    position,
    address,
    type: type!,
    name: name!,
    mode,
    action,
    before: objectOrNull(`${path}.change.before`, change.before),
    after: objectOrNull(`${path}.change.after`, change.after),
    afterUnknown: change.after_unknown,
  };
  if (moduleAddress) resourceChange.moduleAddress = moduleAddress;
  if (index !== undefined) resourceChange.index = index;
  const providerName = optionalString(
    `${path}.provider_name`,
    raw.provider_name,
  );
  if (providerName) resourceChange.providerName = providerName;
  return resourceChange;
}

/**
 * Validates the output of `terraform show -json PLANFILE` (format_version
 * 0.x or 1.x) and extracts what the estimator needs. A malformed plan raises
 * an {@link InvalidInputError} naming the offending path.
 *
 * @public
 */
export function parseTerraformPlan(input: unknown): ParsedPlan {
  let plan = input;
  if (typeof plan === 'string') {
    try {
      plan = JSON.parse(plan);
    } catch (error) {
      throw new InvalidInputError(
        `Invalid Terraform plan: not valid JSON (${(error as Error).message})`,
      );
    }
  }
  if (!isPlainObject(plan)) {
    fail('(root)', `must be an object (got ${describeValue(plan)})`);
  }
  const formatVersion = plan.format_version;
  if (typeof formatVersion !== 'string') {
    fail(
      'format_version',
      `must be a string such as "1.2" (got ${describeValue(
        formatVersion,
      )}); is this the output of terraform show -json?`,
    );
  }
  if (!SUPPORTED_MAJOR_VERSIONS.has(formatVersion.split('.')[0])) {
    fail(
      'format_version',
      `"${formatVersion}" is not supported (expected 0.x or 1.x)`,
    );
  }

  const rawChanges = plan.resource_changes ?? [];
  if (!Array.isArray(rawChanges)) {
    fail(
      'resource_changes',
      `must be an array (got ${describeValue(rawChanges)})`,
    );
  }
  const resourceChanges = new Array<PlanResourceChange>(rawChanges.length);
  for (let i = 0; i < rawChanges.length; i++) {
    resourceChanges[i] = parseResourceChange(rawChanges[i], i);
  }

  const configuration =
    plan.configuration === undefined
      ? undefined
      : objectOrNull('configuration', plan.configuration) ?? undefined;

  const variables: Record<string, unknown> = {};
  const rawVariables =
    plan.variables === undefined
      ? null
      : objectOrNull('variables', plan.variables);
  for (const [name, variable] of Object.entries(rawVariables ?? {})) {
    if (isPlainObject(variable)) variables[name] = variable.value;
  }

  const parsed: ParsedPlan = { formatVersion, resourceChanges, variables };
  const terraformVersion = optionalString(
    'terraform_version',
    plan.terraform_version,
  );
  if (terraformVersion) parsed.terraformVersion = terraformVersion;
  if (configuration) parsed.configuration = configuration;
  return parsed;
}
