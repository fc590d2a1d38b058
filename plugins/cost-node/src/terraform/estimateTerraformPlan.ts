import {
  CostBreakdown,
  CostComponent,
  CostEstimate,
  EstimateSummary,
  HOURS_PER_MONTH,
  ResourceCostEstimate,
  UnpricedResource,
  roundMoney,
} from '@gatehouse/plugin-cost-common';
import { defaultPriceBook, loadPriceBook } from '../pricing/loadPricing';
import type { PriceBook } from '../pricing/PriceBook';
import { ResourceAttributes } from '../resources/attributes';
import { freeReason } from '../resources/freeResources';
import {
  ComponentDraft,
  Pricer,
  PricerContext,
  UnpricedError,
} from '../resources/pricer';
import { PRICERS } from '../resources/registry';
import { ResourceUsage } from '../usage/ResourceUsage';
import { UsageData, UsageLookup } from '../usage/usageFile';
import {
  ParsedPlan,
  PlanResourceChange,
  parseTerraformPlan,
} from './parseTerraformPlan';
import { PlanConfiguration } from './planConfiguration';
import { PlanIndex } from './planIndex';
import { countComponents } from './componentCounts';

/** Region used when neither the options nor the plan name one. */
export const DEFAULT_REGION = 'us-east-1';

/**
 * Options of {@link estimateTerraformPlan}.
 *
 * @public
 */
export type EstimateTerraformPlanOptions = {
  /** Prices to use; defaults to the newest shipped pricing file. */
  priceBook?: PriceBook;
  /** Path of a pricing file to load instead of the shipped one. */
  pricingFile?: string;
  /** Usage values by resource address (see `parseUsageFile`). */
  usage?: UsageData;
  /** Forces this region for every resource, whatever the plan says. */
  region?: string;
  /** Region when the plan's provider configuration has none (us-east-1). */
  defaultRegion?: string;
  /**
   * The day the estimate is for: versions in extended support on it are
   * priced at the extended-support rates. Callers pass the current date;
   * when omitted it is the moment of the call.
   */
  asOf?: Date;
};

/** One side of a resource at full precision, before rounding for output. */
type SideCost = {
  monthly: number;
  low: number;
  high: number;
  components: CostComponent[];
};

const EMPTY_SIDE: SideCost = { monthly: 0, low: 0, high: 0, components: [] };

function toComponent(draft: ComponentDraft): {
  component: CostComponent;
  cost: number;
  low: number;
  high: number;
} {
  const cost = draft.monthlyQuantity * draft.unitPrice;
  const component: CostComponent = {
    name: draft.name,
    unit: draft.unit,
    monthlyQuantity: roundMoney(draft.monthlyQuantity),
    unitPrice: draft.unitPrice,
    monthlyCost: roundMoney(cost),
    priceKey: draft.priceKey,
    priceSource: draft.priceSource,
    priceProvenance: draft.priceProvenance,
  };
  let low = cost;
  let high = cost;
  if (draft.quantityRange) {
    low = draft.quantityRange.low * draft.unitPrice;
    high = draft.quantityRange.high * draft.unitPrice;
    component.range = { low: roundMoney(low), high: roundMoney(high) };
    if (draft.rangeReason) component.rangeReason = draft.rangeReason;
  }
  if (draft.usage) component.usage = draft.usage;
  return { component, cost, low, high };
}

function toBreakdown(side: SideCost): CostBreakdown {
  const breakdown: CostBreakdown = {
    monthly: roundMoney(side.monthly),
    // A fresh array, so that no two breakdowns share one (unchanged
    // resources price one side and show it twice).
    components: side.components.slice(),
  };
  if (side.low !== side.monthly || side.high !== side.monthly) {
    breakdown.range = {
      low: roundMoney(side.low),
      high: roundMoney(side.high),
    };
  }
  return breakdown;
}

function unsupportedReason(type: string): string {
  if (!type.startsWith('aws_')) {
    return `provider of ${type} is not supported (AWS only)`;
  }
  return `resource type ${type} is not supported by the estimator`;
}

/** Which sides of a change carry cost, by action. */
function sidesToPrice(change: PlanResourceChange): {
  before: boolean;
  after: boolean;
} {
  switch (change.action) {
    case 'create':
      return { before: false, after: true };
    case 'delete':
      return { before: true, after: false };
    case 'update':
    case 'replace':
      return { before: true, after: true };
    default:
      // no-op, read and forget: the resource keeps running unchanged; it is
      // priced once and both sides are equal. (forget only removes it from
      // state, it does not destroy it.)
      return { before: false, after: false };
  }
}

/**
 * Prices every resource change of a Terraform plan.
 */
class PlanEstimator {
  private readonly priceBook: PriceBook;
  private readonly configuration: PlanConfiguration;
  private readonly planIndex: PlanIndex;
  private readonly usage: UsageLookup;
  private readonly asOf: Date;
  private readonly planRegion: string;
  private readonly regionPerProvider: boolean;

  constructor(
    private readonly plan: ParsedPlan,
    private readonly options: EstimateTerraformPlanOptions,
  ) {
    this.priceBook =
      options.priceBook ??
      (options.pricingFile
        ? loadPriceBook(options.pricingFile)
        : defaultPriceBook());
    this.configuration = new PlanConfiguration(
      plan.configuration,
      plan.variables,
    );
    this.planIndex = new PlanIndex(plan.resourceChanges, this.configuration);
    this.usage = new UsageLookup(options.usage);
    // The outer edge: without a date from the caller, the estimate is for now.
    this.asOf = options.asOf ?? new Date();
    this.planRegion =
      options.region ??
      this.configuration.defaultRegion() ??
      options.defaultRegion ??
      DEFAULT_REGION;
    // Only look up each resource's provider when the plan has several.
    this.regionPerProvider =
      !options.region && this.configuration.hasSeveralAwsProviders();
  }

  estimate(): CostEstimate {
    const resources: ResourceCostEstimate[] = [];
    const unpriced: UnpricedResource[] = [];
    const summary: EstimateSummary = {
      create: 0,
      update: 0,
      delete: 0,
      replace: 0,
      noop: 0,
      read: 0,
      forget: 0,
      counts: { total: 0, priced: 0, free: 0, unpriced: 0 },
    };
    let before = 0;
    let after = 0;
    let afterLow = 0;
    let afterHigh = 0;
    let deltaLow = 0;
    let deltaHigh = 0;
    let pricedComponents = 0;
    let approximateComponents = 0;

    for (const change of this.plan.resourceChanges) {
      const { estimate, sides } = this.estimateResource(change);
      resources.push(estimate);
      summary[change.action === 'no-op' ? 'noop' : change.action]++;
      summary.counts.total++;
      summary.counts[estimate.status]++;
      if (estimate.status === 'unpriced') {
        unpriced.push({
          address: change.address,
          type: change.type,
          action: change.action,
          reason: estimate.unpriced!.reason,
        });
        continue;
      }
      if (estimate.status === 'priced') {
        const counts = countComponents(estimate);
        estimate.approximateComponents = counts.approximate;
        pricedComponents += counts.priced;
        approximateComponents += counts.approximate;
      }
      before += sides.before.monthly;
      after += sides.after.monthly;
      afterLow += sides.after.low;
      afterHigh += sides.after.high;
      deltaLow += sides.after.low - sides.before.low;
      deltaHigh += sides.after.high - sides.before.high;
    }

    const warnings = this.usage
      .unusedAddresses()
      .map(
        address =>
          `usage file entry "${address}" matches no resource in the plan`,
      );

    return {
      schemaVersion: 1,
      currency: this.priceBook.currency,
      pricingVersion: this.priceBook.version,
      pricingEffectiveDate: this.priceBook.effectiveDate,
      region: this.planRegion,
      hoursPerMonth: HOURS_PER_MONTH,
      totals: {
        monthlyBefore: roundMoney(before),
        monthlyAfter: roundMoney(after),
        delta: roundMoney(after - before),
        range: { low: roundMoney(afterLow), high: roundMoney(afterHigh) },
        deltaRange: {
          low: roundMoney(Math.min(deltaLow, deltaHigh)),
          high: roundMoney(Math.max(deltaLow, deltaHigh)),
        },
        pricedComponents,
        approximateComponents,
      },
      resources,
      unpriced,
      summary,
      warnings,
    };
  }

  private regionOf(change: PlanResourceChange): string {
    if (this.options.region) return this.options.region;
    // AWS provider v6 accepts a per-resource `region` argument.
    const own = (change.after ?? change.before)?.region;
    if (typeof own === 'string' && own !== '') return own;
    if (this.regionPerProvider) {
      const key = this.configuration.resourceFor(
        change.address,
      )?.providerConfigKey;
      const region = key
        ? this.configuration.regionForProviderKey(key)
        : undefined;
      if (region) return region;
    }
    return this.planRegion;
  }

  private estimateResource(change: PlanResourceChange): {
    estimate: ResourceCostEstimate;
    sides: { before: SideCost; after: SideCost };
  } {
    const region = this.regionOf(change);
    const estimate: ResourceCostEstimate = {
      address: change.address,
      type: change.type,
      name: change.name,
      mode: change.mode,
      action: change.action,
      region,
      status: 'priced',
      before: { monthly: 0, components: [] },
      after: { monthly: 0, components: [] },
      delta: 0,
    };
    if (change.moduleAddress) estimate.moduleAddress = change.moduleAddress;
    if (change.index !== undefined) estimate.index = change.index;
    const none = { estimate, sides: { before: EMPTY_SIDE, after: EMPTY_SIDE } };

    if (change.mode === 'data') {
      estimate.status = 'free';
      estimate.free = { reason: 'data sources only read existing information' };
      return none;
    }
    const free = freeReason(change.type);
    if (free) {
      estimate.status = 'free';
      estimate.free = { reason: free };
      return none;
    }
    const pricer = PRICERS.get(change.type);
    if (!pricer) {
      estimate.status = 'unpriced';
      estimate.unpriced = { reason: unsupportedReason(change.type) };
      return none;
    }

    const notes = new Set<string>();
    const usageEntry = this.usage.forAddress(change.address);
    let sides: { before: SideCost; after: SideCost };
    try {
      const which = sidesToPrice(change);
      if (!which.before && !which.after) {
        const unchanged = this.priceSide(
          pricer,
          change,
          change.after ? 'after' : 'before',
          region,
          usageEntry,
          notes,
        );
        sides = { before: unchanged, after: unchanged };
      } else {
        sides = {
          before: which.before
            ? this.priceSide(
                pricer,
                change,
                'before',
                region,
                usageEntry,
                notes,
              )
            : EMPTY_SIDE,
          after: which.after
            ? this.priceSide(pricer, change, 'after', region, usageEntry, notes)
            : EMPTY_SIDE,
        };
      }
    } catch (error) {
      if (!(error instanceof UnpricedError)) throw error;
      estimate.status = 'unpriced';
      estimate.unpriced = { reason: error.message };
      if (notes.size > 0) estimate.notes = [...notes];
      return none;
    }

    estimate.before = toBreakdown(sides.before);
    estimate.after = toBreakdown(sides.after);
    estimate.delta = roundMoney(sides.after.monthly - sides.before.monthly);
    if (estimate.after.range) estimate.range = estimate.after.range;
    if (notes.size > 0) estimate.notes = [...notes];
    return { estimate, sides };
  }

  private priceSide(
    pricer: Pricer,
    change: PlanResourceChange,
    side: 'before' | 'after',
    region: string,
    usageEntry: Record<string, unknown> | undefined,
    notes: Set<string>,
  ): SideCost {
    const values = side === 'after' ? change.after : change.before;
    if (!values) {
      throw new UnpricedError(`change.${side} is missing from the plan`);
    }
    const context: PricerContext = {
      resource: change,
      side,
      attributes: new ResourceAttributes(
        values,
        side === 'after' ? change.afterUnknown : undefined,
      ),
      region:
        side === 'before' &&
        typeof values.region === 'string' &&
        !this.options.region
          ? values.region
          : region,
      priceBook: this.priceBook,
      usage: new ResourceUsage(change.type, usageEntry),
      plan: this.planIndex,
      asOf: this.asOf,
      note: message => notes.add(message),
    };
    const result: SideCost = { monthly: 0, low: 0, high: 0, components: [] };
    for (const draft of pricer(context)) {
      const { component, cost, low, high } = toComponent(draft);
      result.components.push(component);
      result.monthly += cost;
      result.low += low;
      result.high += high;
    }
    return result;
  }
}

/**
 * Estimates the monthly cost before and after a Terraform plan, per
 * resource and per cost component.
 *
 * @param plan - `terraform show -json PLANFILE` output, as text or parsed.
 * @throws InvalidInputError when the plan is malformed.
 * @public
 */
export function estimateTerraformPlan(
  plan: unknown,
  options: EstimateTerraformPlanOptions = {},
): CostEstimate {
  return new PlanEstimator(parseTerraformPlan(plan), options).estimate();
}
