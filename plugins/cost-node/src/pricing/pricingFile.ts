import { InvalidInputError } from '../errors';
import { describeValue, isPlainObject } from '../util/narrow';

/**
 * One price of the pricing file.
 *
 * @public
 */
export type PriceEntry = {
  /** Price of one `unit` in the file's currency. */
  price: number;
  /** e.g. `hour`, `GB-month`, `IOPS-month`, `GB`, `1k-requests`. */
  unit: string;
  /** Where the price comes from: price page or price-list SKU description. */
  source: string;
  /**
   * Optional remark. A note starting with `approximate` marks the price as
   * approximate: estimates then say so wherever the price appears.
   */
  note?: string;
  /**
   * Publication date of the AWS price-list offer file the price was imported
   * from (as the offer file gives it, e.g. `2025-06-01T00:00:00Z`). Only the
   * importer sets it; without it the price is not from a price-list file.
   */
  publicationDate?: string;
};

/**
 * vCPUs and memory of an EC2 instance type; used to price Kubernetes pods
 * as a share of a node.
 *
 * @public
 */
export type InstanceSpec = {
  vcpu: number;
  memoryGiB: number;
};

/**
 * The prices of one region (or of the `global` pseudo-region for services
 * such as CloudFront that are not priced per region).
 *
 * @public
 */
export type RegionPricing = {
  /** The price list's location name, e.g. `US East (N. Virginia)`. */
  location: string;
  prices: Record<string, PriceEntry>;
};

/**
 * The shipped, dated, versioned pricing file (`pricing/aws-YYYY-MM-DD.json`).
 * The format is documented in the package README.
 *
 * @public
 */
export type PricingFile = {
  formatVersion: 1;
  provider: string;
  version: string;
  /** Date the prices were taken from their sources (YYYY-MM-DD). */
  effectiveDate: string;
  currency: string;
  description?: string;
  instanceSpecs: Record<string, InstanceSpec>;
  regions: Record<string, RegionPricing>;
};

/** Name of the pseudo-region holding prices that do not depend on a region. */
export const GLOBAL_REGION = 'global';

function fail(origin: string, path: string, problem: string): never {
  throw new InvalidInputError(`${origin}: ${path} ${problem}`);
}

function requireString(origin: string, path: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(
      origin,
      path,
      `must be a non-empty string (got ${describeValue(value)})`,
    );
  }
  return value;
}

function requireDateOrInstant(
  origin: string,
  path: string,
  value: unknown,
): string {
  const text = requireString(origin, path, value);
  if (
    !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(text) ||
    Number.isNaN(Date.parse(text))
  ) {
    fail(
      origin,
      path,
      `must be a date YYYY-MM-DD or an ISO timestamp (got "${text}")`,
    );
  }
  return text;
}

function requireNonNegative(
  origin: string,
  path: string,
  value: unknown,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    fail(
      origin,
      path,
      `must be a non-negative number (got ${describeValue(value)})`,
    );
  }
  return value;
}

function requireObject(
  origin: string,
  path: string,
  value: unknown,
): Record<string, unknown> {
  if (!isPlainObject(value)) {
    fail(origin, path, `must be an object (got ${describeValue(value)})`);
  }
  return value;
}

function parsePriceEntry(
  origin: string,
  path: string,
  value: unknown,
): PriceEntry {
  const raw = requireObject(origin, path, value);
  const entry: PriceEntry = {
    price: requireNonNegative(origin, `${path}.price`, raw.price),
    unit: requireString(origin, `${path}.unit`, raw.unit),
    // Every price must say where it comes from, so that approvers can check it.
    source: requireString(origin, `${path}.source`, raw.source),
  };
  if (raw.note !== undefined) {
    entry.note = requireString(origin, `${path}.note`, raw.note);
  }
  if (raw.publicationDate !== undefined) {
    entry.publicationDate = requireDateOrInstant(
      origin,
      `${path}.publicationDate`,
      raw.publicationDate,
    );
  }
  return entry;
}

/**
 * Validates untrusted pricing data (e.g. an operator's replacement file).
 *
 * @param origin - Named in error messages, e.g. the file path.
 * @public
 */
export function parsePricingFile(
  data: unknown,
  origin = 'pricing file',
): PricingFile {
  const raw = requireObject(origin, '(root)', data);
  if (raw.formatVersion !== 1) {
    fail(
      origin,
      'formatVersion',
      `must be 1 (got ${describeValue(raw.formatVersion)})`,
    );
  }
  const effectiveDate = requireString(
    origin,
    'effectiveDate',
    raw.effectiveDate,
  );
  if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate)) {
    fail(
      origin,
      'effectiveDate',
      `must be a date YYYY-MM-DD (got "${effectiveDate}")`,
    );
  }
  const currency = requireString(origin, 'currency', raw.currency);
  if (!/^[A-Z]{3}$/.test(currency)) {
    fail(
      origin,
      'currency',
      `must be an ISO 4217 code such as USD (got "${currency}")`,
    );
  }

  const instanceSpecs: Record<string, InstanceSpec> = {};
  const rawSpecs = requireObject(
    origin,
    'instanceSpecs',
    raw.instanceSpecs ?? {},
  );
  for (const [type, spec] of Object.entries(rawSpecs)) {
    const path = `instanceSpecs["${type}"]`;
    const specObject = requireObject(origin, path, spec);
    instanceSpecs[type] = {
      vcpu: requireNonNegative(origin, `${path}.vcpu`, specObject.vcpu),
      memoryGiB: requireNonNegative(
        origin,
        `${path}.memoryGiB`,
        specObject.memoryGiB,
      ),
    };
  }

  const regions: Record<string, RegionPricing> = {};
  const rawRegions = requireObject(origin, 'regions', raw.regions);
  for (const [region, regionValue] of Object.entries(rawRegions)) {
    const path = `regions["${region}"]`;
    const regionObject = requireObject(origin, path, regionValue);
    const prices: Record<string, PriceEntry> = {};
    const rawPrices = requireObject(
      origin,
      `${path}.prices`,
      regionObject.prices,
    );
    for (const [key, priceValue] of Object.entries(rawPrices)) {
      prices[key] = parsePriceEntry(
        origin,
        `${path}.prices["${key}"]`,
        priceValue,
      );
    }
    regions[region] = {
      location: requireString(
        origin,
        `${path}.location`,
        regionObject.location,
      ),
      prices,
    };
  }

  const file: PricingFile = {
    formatVersion: 1,
    provider: requireString(origin, 'provider', raw.provider),
    version: requireString(origin, 'version', raw.version),
    effectiveDate,
    currency,
    instanceSpecs,
    regions,
  };
  if (raw.description !== undefined) {
    file.description = requireString(origin, 'description', raw.description);
  }
  return file;
}
