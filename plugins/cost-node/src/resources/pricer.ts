import type {
  CostRange,
  PriceProvenance,
  UsageSource,
} from '@gatehouse/plugin-cost-common';
import type { PriceBook, RegionPrices } from '../pricing/PriceBook';
import { priceProvenance } from '../pricing/priceProvenance';
import type { PriceEntry } from '../pricing/pricingFile';
import type { PlanResourceChange } from '../terraform/parseTerraformPlan';
import type { PlanIndex } from '../terraform/planIndex';
import type { ResourceUsage, UsageValue } from '../usage/ResourceUsage';
import { AttributePath, ResourceAttributes, formatPath } from './attributes';

/**
 * Thrown by a pricer that cannot price a resource; the estimator lists the
 * resource as unpriced with this message as the reason.
 */
export class UnpricedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnpricedError';
  }
}

/** A component before rounding; monthly cost is quantity × unit price. */
export type ComponentDraft = {
  name: string;
  unit: string;
  monthlyQuantity: number;
  unitPrice: number;
  priceKey: string;
  priceSource: string;
  priceProvenance: PriceProvenance;
  quantityRange?: CostRange;
  rangeReason?: string;
  usage?: { key: string; source: UsageSource };
};

/** Everything a pricer may use to price one side of one resource change. */
export type PricerContext = {
  resource: PlanResourceChange;
  side: 'before' | 'after';
  attributes: ResourceAttributes;
  region: string;
  priceBook: PriceBook;
  usage: ResourceUsage;
  plan: PlanIndex;
  /** The day priced: decides whether a version is in extended support. */
  asOf: Date;
  /** Records an assumption, shown with the resource. */
  note(message: string): void;
};

/** Prices one side of a resource change, or throws {@link UnpricedError}. */
export type Pricer = (context: PricerContext) => ComponentDraft[];

/** The price of `key` in the resource's region (or the global prices). */
export function lookupPrice(
  context: PricerContext,
  key: string,
  options: { global?: boolean } = {},
): PriceEntry {
  const { priceBook } = context;
  const prices: RegionPrices | undefined = options.global
    ? priceBook.global()
    : priceBook.forRegion(context.region);
  if (!prices) {
    throw new UnpricedError(
      options.global
        ? `pricing ${priceBook.version} has no global prices`
        : `no prices for region ${context.region} in pricing ${
            priceBook.version
          } (has ${priceBook.regions().join(', ')})`,
    );
  }
  const entry = prices.get(key);
  if (!entry) {
    throw new UnpricedError(
      `no price for ${key} in ${
        options.global ? 'global prices' : context.region
      } (pricing ${priceBook.version})`,
    );
  }
  return entry;
}

type ComponentSpec = {
  name: string;
  priceKey: string;
  unit: string;
  monthlyQuantity: number;
  quantityRange?: CostRange;
  rangeReason?: string;
  global?: boolean;
  /** Multiplies the price, e.g. 2 for Multi-AZ. */
  priceFactor?: number;
};

/** Builds a component from a price key and a monthly quantity. */
export function component(
  context: PricerContext,
  spec: ComponentSpec,
): ComponentDraft {
  const entry = lookupPrice(context, spec.priceKey, { global: spec.global });
  const draft: ComponentDraft = {
    name: spec.name,
    unit: spec.unit,
    monthlyQuantity: spec.monthlyQuantity,
    unitPrice: entry.price * (spec.priceFactor ?? 1),
    priceKey: spec.priceKey,
    priceSource: entry.source,
    priceProvenance: priceProvenance(entry, context.priceBook.effectiveDate),
  };
  if (spec.quantityRange) {
    draft.quantityRange = spec.quantityRange;
    if (spec.rangeReason) draft.rangeReason = spec.rangeReason;
  }
  return draft;
}

/**
 * Builds a usage-based component: `perUnit` converts the usage value into
 * the component's unit (e.g. 1/1000 for requests priced per thousand).
 * Values from defaults carry their low–high range.
 */
export function usageComponent(
  context: PricerContext,
  spec: Omit<
    ComponentSpec,
    'monthlyQuantity' | 'quantityRange' | 'rangeReason'
  > & {
    usage: UsageValue;
    perUnit?: number;
    usageUnit: string;
  },
): ComponentDraft {
  const factor = spec.perUnit ?? 1;
  const { usage } = spec;
  const draft = component(context, {
    ...spec,
    monthlyQuantity: usage.value * factor,
    ...(usage.source === 'default'
      ? {
          quantityRange: { low: usage.low * factor, high: usage.high * factor },
          rangeReason: `usage default for ${usage.key}: ${usage.value} ${spec.usageUnit} (range ${usage.low} to ${usage.high}); set it in the usage file`,
        }
      : {}),
  });
  draft.usage = { key: usage.key, source: usage.source };
  return draft;
}

// ---------------------------------------------------------------------------
// Attribute helpers: every pricer reads attributes through these so that
// unknown values are handled the same way everywhere.

/** A required string; unknown or missing makes the resource unpriced. */
export function requireString(
  context: PricerContext,
  path: AttributePath,
): string {
  const found = context.attributes.lookup(path);
  if (found.state === 'unknown') {
    throw new UnpricedError(`${formatPath(path)} is unknown until apply`);
  }
  if (
    found.state === 'absent' ||
    typeof found.value !== 'string' ||
    found.value === ''
  ) {
    throw new UnpricedError(`${formatPath(path)} is not set`);
  }
  return found.value;
}

/**
 * An optional string. When unknown until apply, `fallback` is used and the
 * assumption is noted.
 */
export function optionalString(
  context: PricerContext,
  path: AttributePath,
  fallback: string,
): string;
export function optionalString(
  context: PricerContext,
  path: AttributePath,
  fallback?: string,
): string | undefined;
export function optionalString(
  context: PricerContext,
  path: AttributePath,
  fallback?: string,
): string | undefined {
  const found = context.attributes.lookup(path);
  if (
    found.state === 'known' &&
    typeof found.value === 'string' &&
    found.value !== ''
  ) {
    return found.value;
  }
  if (found.state === 'unknown' && fallback !== undefined) {
    context.note(
      `${formatPath(path)} is unknown until apply; assumed "${fallback}"`,
    );
  }
  return fallback;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (
    typeof value === 'string' &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  ) {
    return Number(value);
  }
  return undefined;
}

/** A required number; unknown or missing makes the resource unpriced. */
export function requireNumber(
  context: PricerContext,
  path: AttributePath,
): number {
  const found = context.attributes.lookup(path);
  if (found.state === 'unknown') {
    throw new UnpricedError(`${formatPath(path)} is unknown until apply`);
  }
  const value = found.state === 'known' ? toNumber(found.value) : undefined;
  if (value === undefined) {
    throw new UnpricedError(`${formatPath(path)} is not set`);
  }
  return value;
}

/**
 * An optional number. When unknown until apply, `fallback` is used and the
 * assumption is noted; when absent, `fallback` is used silently.
 */
export function optionalNumber(
  context: PricerContext,
  path: AttributePath,
  fallback: number,
): number;
export function optionalNumber(
  context: PricerContext,
  path: AttributePath,
  fallback?: number,
): number | undefined;
export function optionalNumber(
  context: PricerContext,
  path: AttributePath,
  fallback?: number,
): number | undefined {
  const found = context.attributes.lookup(path);
  if (found.state === 'known') {
    const value = toNumber(found.value);
    if (value !== undefined) return value;
  }
  if (found.state === 'unknown' && fallback !== undefined) {
    context.note(
      `${formatPath(path)} is unknown until apply; assumed ${fallback}`,
    );
  }
  return fallback;
}

/** An optional boolean, with the same unknown handling as numbers. */
export function optionalBoolean(
  context: PricerContext,
  path: AttributePath,
  fallback: boolean,
): boolean {
  const found = context.attributes.lookup(path);
  if (found.state === 'known' && typeof found.value === 'boolean')
    return found.value;
  if (found.state === 'unknown') {
    context.note(
      `${formatPath(path)} is unknown until apply; assumed ${fallback}`,
    );
  }
  return fallback;
}

/**
 * A number only if it is known now; for computed attributes whose AWS
 * default is certain (e.g. gp3's 3,000 baseline IOPS) so no note is needed.
 */
export function knownNumber(
  context: PricerContext,
  path: AttributePath,
): number | undefined {
  const found = context.attributes.lookup(path);
  return found.state === 'known' ? toNumber(found.value) : undefined;
}
