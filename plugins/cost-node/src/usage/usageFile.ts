import fs from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { InvalidInputError } from '../errors';
import {
  configAddressOf,
  formatKey,
  parseResourceAddress,
} from '../terraform/resourceAddress';
import { describeValue, isPlainObject } from '../util/narrow';

/**
 * Usage quantities keyed by resource address, e.g.
 * `{ "aws_nat_gateway.main": { "monthly_data_processed_gb": 500 } }`.
 *
 * @public
 */
export type UsageData = Record<string, Record<string, unknown>>;

function validateValues(
  origin: string,
  path: string,
  value: Record<string, unknown>,
) {
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    if (isPlainObject(child)) {
      validateValues(origin, childPath, child);
    } else if (
      typeof child !== 'number' ||
      !Number.isFinite(child) ||
      child < 0
    ) {
      throw new InvalidInputError(
        `${origin}: ${childPath} must be a non-negative number (got ${describeValue(
          child,
        )})`,
      );
    }
  }
}

/**
 * Validates usage data. Accepts a map of resource address to usage values,
 * or Infracost's layout `{ version: 0.1, resource_usage: { … } }`.
 *
 * @public
 */
export function parseUsage(data: unknown, origin = 'usage file'): UsageData {
  if (data === null || data === undefined) return {};
  if (!isPlainObject(data)) {
    throw new InvalidInputError(
      `${origin}: must be an object keyed by resource address (got ${describeValue(
        data,
      )})`,
    );
  }
  const entries = isPlainObject(data.resource_usage)
    ? data.resource_usage
    : data;
  const usage: UsageData = {};
  for (const [address, values] of Object.entries(entries)) {
    if (entries === data && address === 'version') continue;
    if (!isPlainObject(values)) {
      throw new InvalidInputError(
        `${origin}: ${address} must be an object of usage values (got ${describeValue(
          values,
        )})`,
      );
    }
    validateValues(origin, address, values);
    usage[address] = values;
  }
  return usage;
}

/**
 * Parses the text of a usage file, YAML or JSON (JSON is valid YAML).
 *
 * @public
 */
export function parseUsageFile(text: string, origin = 'usage file'): UsageData {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new InvalidInputError(
      `${origin}: not valid YAML or JSON (${(error as Error).message})`,
    );
  }
  return parseUsage(data, origin);
}

/**
 * Reads and parses a usage file.
 *
 * @public
 */
export async function loadUsageFile(filePath: string): Promise<UsageData> {
  return parseUsageFile(await fs.readFile(filePath, 'utf8'), filePath);
}

/**
 * Finds the usage entry of a resource instance. Tried in order:
 * the exact address (`aws_instance.web[0]`), the address with its last key
 * replaced by `[*]` (`aws_instance.web[*]`), then the address without any
 * key (`aws_instance.web`, which also matches every module instance).
 * Records which entries were used so unused ones can be reported.
 */
export class UsageLookup {
  private readonly entries: Map<string, Record<string, unknown>>;
  private readonly used = new Set<string>();

  constructor(data: UsageData = {}) {
    this.entries = new Map(Object.entries(data));
  }

  forAddress(address: string): Record<string, unknown> | undefined {
    if (this.entries.size === 0) return undefined;
    const candidates = [address];
    if (address.endsWith(']')) {
      const { index } = parseResourceAddress(address);
      if (index !== undefined) {
        candidates.push(
          `${address.slice(0, address.length - formatKey(index).length)}[*]`,
        );
      }
    }
    candidates.push(configAddressOf(address));
    for (const candidate of candidates) {
      const entry = this.entries.get(candidate);
      if (entry) {
        this.used.add(candidate);
        return entry;
      }
    }
    return undefined;
  }

  unusedAddresses(): string[] {
    return [...this.entries.keys()].filter(address => !this.used.has(address));
  }
}
