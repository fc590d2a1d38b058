import {
  GLOBAL_REGION,
  InstanceSpec,
  PriceEntry,
  PricingFile,
  parsePricingFile,
} from './pricingFile';

/**
 * Prices of one region, indexed by key for O(1) look-ups.
 *
 * @public
 */
export class RegionPrices {
  constructor(
    readonly region: string,
    private readonly prices: ReadonlyMap<string, PriceEntry>,
  ) {}

  get(key: string): PriceEntry | undefined {
    return this.prices.get(key);
  }

  keys(): string[] {
    return [...this.prices.keys()];
  }
}

/**
 * A loaded pricing file, indexed by region and key. Build it once and reuse
 * it: every look-up is a Map access, so pricing a resource never scans the
 * price list.
 *
 * @public
 */
export class PriceBook {
  private readonly regionPrices: ReadonlyMap<string, RegionPrices>;
  private readonly specs: ReadonlyMap<string, InstanceSpec>;

  /** Validates untrusted pricing data and indexes it. */
  static fromData(data: unknown, origin?: string): PriceBook {
    return new PriceBook(parsePricingFile(data, origin));
  }

  constructor(readonly file: PricingFile) {
    const regions = new Map<string, RegionPrices>();
    for (const [region, pricing] of Object.entries(file.regions)) {
      regions.set(
        region,
        new RegionPrices(region, new Map(Object.entries(pricing.prices))),
      );
    }
    this.regionPrices = regions;
    this.specs = new Map(Object.entries(file.instanceSpecs));
  }

  get version(): string {
    return this.file.version;
  }

  get effectiveDate(): string {
    return this.file.effectiveDate;
  }

  get currency(): string {
    return this.file.currency;
  }

  /** Regions with prices, without the `global` pseudo-region. */
  regions(): string[] {
    return [...this.regionPrices.keys()]
      .filter(region => region !== GLOBAL_REGION)
      .sort();
  }

  forRegion(region: string): RegionPrices | undefined {
    return this.regionPrices.get(region);
  }

  /** Prices that do not depend on a region (e.g. CloudFront). */
  global(): RegionPrices | undefined {
    return this.regionPrices.get(GLOBAL_REGION);
  }

  price(region: string, key: string): PriceEntry | undefined {
    return this.regionPrices.get(region)?.get(key);
  }

  instanceSpec(instanceType: string): InstanceSpec | undefined {
    return this.specs.get(instanceType);
  }
}
