/*
 * Deterministic synthetic FOCUS 1.0 billing data, for the portal's example
 * services and for benchmarks.
 *
 * The model: each service/environment has a daily cost (base × environment
 * scale × growth × weekday pattern × noise, optionally an anomaly spike),
 * split over cost components (Kubernetes nodes, database, NAT, …) and then
 * over hourly billing lines per resource, shaped flat or diurnal. Shared
 * platform lines without a service tag and monthly credits are added so that
 * "unattributed" and negative amounts show up as they do in real exports.
 *
 * Same options + same seed ⇒ the same rows, byte for byte.
 */
import {
  DEFAULT_ENVIRONMENTS,
  EXAMPLE_SERVICES,
  type SyntheticEnvironment,
  type SyntheticService,
} from './exampleServices';
import type { SyntheticFocusRow } from './focusCsv';
import { SeededRandom } from './prng';
import {
  PROVIDER_CATALOGS,
  type LineItemSpec,
  type ProviderCatalog,
  type ResourceNaming,
  type SharedLineSpec,
  type SyntheticProvider,
} from './providerCatalog';

export { writeFocusCsv, toCsvLine, FOCUS_1_0_CSV_COLUMNS } from './focusCsv';
export type {
  SyntheticFocusRow,
  Focus10Column,
  WriteFocusCsvOptions,
} from './focusCsv';
export { EXAMPLE_SERVICES, DEFAULT_ENVIRONMENTS } from './exampleServices';
export type { SyntheticService, SyntheticEnvironment } from './exampleServices';
export type { CostComponent, SyntheticProvider } from './providerCatalog';

/** A cost spike on one day for one service, e.g. a runaway batch job. */
export interface SyntheticAnomaly {
  readonly service: string;
  /** Default `production`. */
  readonly environment?: string;
  /** 0-based index of the generated day, or an ISO date `YYYY-MM-DD`. */
  readonly day: number | string;
  /** Cost multiplier for that day. Default 4. */
  readonly factor?: number;
}

export interface GenerateFocusRowsOptions {
  /** PRNG seed. Default 1. */
  seed?: number;
  /** First day (UTC), `YYYY-MM-DD`. Default `2025-01-01`. */
  startDate?: string;
  /** Number of days. Default 30. */
  days?: number;
  /** Default: the portal's example services. */
  services?: readonly SyntheticService[];
  /**
   * Providers to spread services over when a service names none (round
   * robin in service order). Default `['AWS']`.
   */
  providers?: readonly SyntheticProvider[];
  /** Share of spend on untagged shared platform lines. Default 0.03. */
  unattributedShare?: number;
  /** Credit per provider account on the 1st of each month, USD. Default 40. */
  monthlyCredit?: number;
  anomaly?: SyntheticAnomaly;
  /** Stop after this many rows (for benchmarks). */
  maxRows?: number;
}

const MS_PER_DAY = 86_400_000;
const HEX = '0123456789abcdef';
/** Negotiated discount on list prices (enterprise agreement). */
const NEGOTIATED_DISCOUNT = 0.06;

// Traffic-driven usage peaks mid-afternoon UTC (European working day).
const DIURNAL_WEIGHTS = normalise(
  Array.from({ length: 24 }, (_, hour) =>
    Math.max(0.1, 1 + 0.45 * Math.cos((2 * Math.PI * (hour - 14)) / 24)),
  ),
);
const FLAT_WEIGHTS = normalise(Array.from({ length: 24 }, () => 1));

function normalise(values: number[]): number[] {
  const total = values.reduce((sum, v) => sum + v, 0);
  return values.map(v => v / total);
}

/** FNV-1a: a stable 32-bit hash for deriving ids from names. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Deterministic characters derived from the seed and a name. */
function stableChars(
  seed: number,
  key: string,
  length: number,
  alphabet: string,
) {
  return new SeededRandom(hash32(`${seed}:${key}`)).chars(length, alphabet);
}

function stableAccountId(seed: number, key: string): string {
  return `${stableChars(seed, key, 1, '123456789')}${stableChars(
    seed,
    `${key}#`,
    11,
    '0123456789',
  )}`;
}

function stableGuid(seed: number, key: string): string {
  const hex = stableChars(seed, key, 32, HEX);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(
    12,
    16,
  )}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Amounts as exports write them: up to 10 decimals, shortest form. */
function formatAmount(value: number): string {
  const rounded = Math.round(value * 1e10) / 1e10;
  // String() yields exponent notation below 1e-6, as some exports do.
  return rounded === 0 ? '0' : String(rounded);
}

function formatQuantity(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  return rounded === 0 ? '0' : String(rounded);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

interface Account {
  readonly id: string;
  readonly name: string;
}

interface PlannedLine {
  readonly spec: LineItemSpec;
  /** Share of the service/environment's daily cost. */
  readonly weight: number;
  readonly tags: string;
  readonly weights: readonly number[];
  readonly resources: Array<{ id: string; name: string }>;
}

interface ServiceEnvironment {
  readonly key: string;
  readonly service: SyntheticService;
  readonly environment: SyntheticEnvironment;
  readonly catalog: ProviderCatalog;
  readonly account: Account;
  readonly lines: readonly PlannedLine[];
  dayCost: number;
}

interface ProviderEnvironment {
  readonly catalog: ProviderCatalog;
  readonly environment: SyntheticEnvironment;
  readonly account: Account;
  readonly billingAccountId: string;
  readonly sharedResourceIds: ReadonlyArray<string | null>;
  dayCost: number;
}

/** Generates synthetic FOCUS 1.0 rows; see {@link GenerateFocusRowsOptions}. */
export function* generateFocusRows(
  options: GenerateFocusRowsOptions = {},
): Generator<SyntheticFocusRow> {
  const seed = options.seed ?? 1;
  const random = new SeededRandom(seed);
  const startMs = Date.parse(`${options.startDate ?? '2025-01-01'}T00:00:00Z`);
  if (Number.isNaN(startMs)) {
    throw new Error(`Invalid startDate ${options.startDate}`);
  }
  const days = options.days ?? 30;
  const services = options.services ?? EXAMPLE_SERVICES;
  const providers = options.providers ?? ['AWS'];
  const unattributedShare = options.unattributedShare ?? 0.03;
  const monthlyCredit = options.monthlyCredit ?? 40;
  const maxRows = options.maxRows ?? Infinity;
  const anomaly = resolveAnomaly(options.anomaly, startMs);

  const billingAccounts = new Map<SyntheticProvider, string>();
  const billingAccountOf = (provider: SyntheticProvider) => {
    let id = billingAccounts.get(provider);
    if (id === undefined) {
      id = stableAccountId(seed, `billing:${provider}`);
      billingAccounts.set(provider, id);
    }
    return id;
  };
  const accountOf = (
    provider: SyntheticProvider,
    environment: string,
  ): Account => ({
    id:
      provider === 'Microsoft'
        ? stableGuid(seed, `account:${provider}:${environment}`)
        : stableAccountId(seed, `account:${provider}:${environment}`),
    name: `gatehouse-${environment}`,
  });

  const serviceEnvironments: ServiceEnvironment[] = [];
  const providerEnvironments = new Map<string, ProviderEnvironment>();
  services.forEach((service, serviceIndex) => {
    const provider =
      service.provider ?? providers[serviceIndex % providers.length];
    const catalog = PROVIDER_CATALOGS[provider];
    for (const environment of service.environments ?? DEFAULT_ENVIRONMENTS) {
      const account = accountOf(provider, environment.name);
      const key = `${service.name}/${environment.name}`;
      serviceEnvironments.push({
        key,
        service,
        environment,
        catalog,
        account,
        lines: planLines(service, environment, catalog),
        dayCost: 0,
      });
      const providerKey = `${provider}/${environment.name}`;
      if (!providerEnvironments.has(providerKey)) {
        providerEnvironments.set(providerKey, {
          catalog,
          environment,
          account,
          billingAccountId: billingAccountOf(provider),
          sharedResourceIds: catalog.sharedLines.map(line =>
            line.resourceId(
              naming(
                seed,
                `shared:${providerKey}:${line.skuId}`,
                account,
                catalog,
                'platform',
                environment.name,
                0,
              ),
            ),
          ),
          dayCost: 0,
        });
      }
    }
  });

  let emitted = 0;
  for (let day = 0; day < days; day++) {
    const dayStart = startMs + day * MS_PER_DAY;
    const date = new Date(dayStart);
    const dateText = isoDate(dayStart);
    const nextDateText = isoDate(dayStart + MS_PER_DAY);
    const hourText = (hour: number) =>
      hour === 24
        ? `${nextDateText}T00:00:00Z`
        : `${dateText}T${hour < 10 ? '0' : ''}${hour}:00:00Z`;
    const billingPeriod = {
      start: `${dateText.slice(0, 8)}01T00:00:00Z`,
      end: `${isoDate(
        Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1),
      )}T00:00:00Z`,
    };
    const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0

    for (const providerEnvironment of providerEnvironments.values()) {
      providerEnvironment.dayCost = 0;
    }
    for (const se of serviceEnvironments) {
      se.dayCost = dailyCost(se, day, weekday, random, anomaly);
      providerEnvironments.get(
        `${se.catalog.providerName}/${se.environment.name}`,
      )!.dayCost += se.dayCost;
    }

    for (let hour = 0; hour < 24; hour++) {
      const period = { start: hourText(hour), end: hourText(hour + 1) };
      for (const se of serviceEnvironments) {
        for (const line of se.lines) {
          const lineDayCost = se.dayCost * line.weight;
          const hourCost = lineDayCost * line.weights[hour];
          const perResource = line.spec.costPerResourceHour;
          const resourceCount = perResource
            ? Math.max(1, Math.round(lineDayCost / 24 / perResource))
            : 1;
          for (let r = 0; r < resourceCount; r++) {
            const resource = resourceOf(seed, se, line, r);
            const cost = (hourCost / resourceCount) * jitter(random);
            yield usageRow(
              se,
              line,
              resource,
              cost,
              period,
              billingPeriod,
              billingAccountOf(se.catalog.providerName),
            );
            if (++emitted >= maxRows) return;
          }
        }
      }
      for (const pe of providerEnvironments.values()) {
        const sharedHourCost = (pe.dayCost * unattributedShare) / 24;
        for (let i = 0; i < pe.catalog.sharedLines.length; i++) {
          const line = pe.catalog.sharedLines[i];
          const cost = sharedHourCost * line.share * jitter(random);
          yield sharedRow(
            pe,
            line,
            pe.sharedResourceIds[i],
            cost,
            period,
            billingPeriod,
          );
          if (++emitted >= maxRows) return;
        }
      }
    }

    if (date.getUTCDate() === 1 && monthlyCredit > 0) {
      for (const pe of providerEnvironments.values()) {
        yield creditRow(
          pe,
          monthlyCredit * pe.environment.scale,
          {
            start: hourText(0),
            end: hourText(24),
          },
          billingPeriod,
        );
        if (++emitted >= maxRows) return;
      }
    }
  }
}

function resolveAnomaly(
  anomaly: SyntheticAnomaly | undefined,
  startMs: number,
) {
  if (!anomaly) {
    return undefined;
  }
  const day =
    typeof anomaly.day === 'number'
      ? anomaly.day
      : Math.round(
          (Date.parse(`${anomaly.day}T00:00:00Z`) - startMs) / MS_PER_DAY,
        );
  return {
    key: `${anomaly.service}/${anomaly.environment ?? 'production'}`,
    day,
    factor: anomaly.factor ?? 4,
  };
}

function dailyCost(
  se: ServiceEnvironment,
  day: number,
  weekday: number,
  random: SeededRandom,
  anomaly: ReturnType<typeof resolveAnomaly>,
): number {
  const { service, environment } = se;
  const growth = Math.pow(1 + (service.monthlyGrowth ?? 0), day / 30);
  const weekly = service.weeklyPattern?.[weekday] ?? 1;
  const noise = Math.max(0.2, 1 + (service.noise ?? 0.05) * random.normal());
  const spike =
    anomaly && anomaly.key === se.key && anomaly.day === day
      ? anomaly.factor
      : 1;
  return (
    service.dailyBaseCost * environment.scale * growth * weekly * noise * spike
  );
}

/** Small per-line variation so that hours are not identical. */
function jitter(random: SeededRandom): number {
  return Math.max(0.5, 1 + 0.03 * random.normal());
}

function naming(
  seed: number,
  key: string,
  account: Account,
  catalog: ProviderCatalog,
  service: string,
  environment: string,
  index: number,
): ResourceNaming {
  return {
    accountId: account.id,
    region: catalog.regionId,
    service,
    environment,
    index,
    suffix: stableChars(seed, key, 17, HEX),
  };
}

function planLines(
  service: SyntheticService,
  environment: SyntheticEnvironment,
  catalog: ProviderCatalog,
): PlannedLine[] {
  const available = catalog.lineItems.filter(
    line => (service.components[line.component] ?? 0) > 0,
  );
  const components = new Set(available.map(line => line.component));
  const total = [...components].reduce(
    (sum, component) => sum + (service.components[component] ?? 0),
    0,
  );
  const tagsFor = (spec: LineItemSpec) =>
    JSON.stringify(
      spec.tagStyle === 'app-env'
        ? { app: service.name, team: service.team, env: environment.name }
        : {
            service: service.name,
            team: service.team,
            environment: environment.name,
          },
    );
  return available.map(spec => ({
    spec,
    weight: ((service.components[spec.component] ?? 0) / total) * spec.share,
    tags: tagsFor(spec),
    weights: spec.profile === 'diurnal' ? DIURNAL_WEIGHTS : FLAT_WEIGHTS,
    // Filled lazily by resourceOf: node counts change as costs grow.
    resources: [],
  }));
}

function resourceOf(
  seed: number,
  se: ServiceEnvironment,
  line: PlannedLine,
  index: number,
): { id: string; name: string } {
  let resource = line.resources[index];
  if (resource === undefined) {
    // Lines of one component share the resource (e.g. NAT hours and bytes).
    const n = naming(
      seed,
      `${se.key}:${line.spec.component}:${index}`,
      se.account,
      se.catalog,
      se.service.name,
      se.environment.name,
      index,
    );
    resource = { id: line.spec.resourceId(n), name: line.spec.resourceName(n) };
    line.resources[index] = resource;
  }
  return resource;
}

interface Period {
  readonly start: string;
  readonly end: string;
}

function usageRow(
  se: ServiceEnvironment,
  line: PlannedLine,
  resource: { id: string; name: string },
  cost: number,
  period: Period,
  billingPeriod: Period,
  billingAccountId: string,
): SyntheticFocusRow {
  const { spec } = line;
  const catalog = se.catalog;
  const contractedUnitPrice = spec.listUnitPrice * (1 - NEGOTIATED_DISCOUNT);
  const quantity = cost / contractedUnitPrice;
  const amount = formatAmount(cost);
  return {
    AvailabilityZone: catalog.availabilityZone,
    BilledCost: amount,
    BillingAccountId: billingAccountId,
    BillingAccountName: catalog.billingAccountName,
    BillingCurrency: 'USD',
    BillingPeriodEnd: billingPeriod.end,
    BillingPeriodStart: billingPeriod.start,
    ChargeCategory: 'Usage',
    ChargeClass: null,
    ChargeDescription: spec.chargeDescription,
    ChargeFrequency: 'Usage-Based',
    ChargePeriodEnd: period.end,
    ChargePeriodStart: period.start,
    CommitmentDiscountCategory: null,
    CommitmentDiscountId: null,
    CommitmentDiscountName: null,
    CommitmentDiscountStatus: null,
    CommitmentDiscountType: null,
    ConsumedQuantity: formatQuantity(quantity),
    ConsumedUnit: spec.consumedUnit,
    ContractedCost: amount,
    ContractedUnitPrice: formatAmount(contractedUnitPrice),
    EffectiveCost: amount,
    InvoiceIssuerName: catalog.invoiceIssuerName,
    ListCost: formatAmount(cost / (1 - NEGOTIATED_DISCOUNT)),
    ListUnitPrice: formatAmount(spec.listUnitPrice),
    PricingCategory: 'Standard',
    PricingQuantity: formatQuantity(quantity),
    PricingUnit: spec.pricingUnit,
    ProviderName: catalog.providerName,
    PublisherName: catalog.publisherName,
    RegionId: catalog.regionId,
    RegionName: catalog.regionName,
    ResourceId: resource.id,
    ResourceName: resource.name,
    ResourceType: spec.resourceType,
    ServiceCategory: spec.serviceCategory,
    ServiceName: spec.serviceName,
    SkuId: spec.skuId,
    SkuPriceId: spec.skuPriceId,
    SubAccountId: se.account.id,
    SubAccountName: se.account.name,
    Tags: line.tags,
  };
}

const SHARED_TAGS: Record<
  SharedLineSpec['tags'],
  (env: string) => string | null
> = {
  'environment-only': env => JSON.stringify({ environment: env }),
  'empty-object': () => '{}',
  none: () => null,
};

function sharedRow(
  pe: ProviderEnvironment,
  line: SharedLineSpec,
  resourceId: string | null,
  cost: number,
  period: Period,
  billingPeriod: Period,
): SyntheticFocusRow {
  const catalog = pe.catalog;
  const contractedUnitPrice = line.listUnitPrice * (1 - NEGOTIATED_DISCOUNT);
  const quantity = cost / contractedUnitPrice;
  const amount = formatAmount(cost);
  return {
    AvailabilityZone: null,
    BilledCost: amount,
    BillingAccountId: pe.billingAccountId,
    BillingAccountName: catalog.billingAccountName,
    BillingCurrency: 'USD',
    BillingPeriodEnd: billingPeriod.end,
    BillingPeriodStart: billingPeriod.start,
    ChargeCategory: 'Usage',
    ChargeClass: null,
    ChargeDescription: line.chargeDescription,
    ChargeFrequency: 'Usage-Based',
    ChargePeriodEnd: period.end,
    ChargePeriodStart: period.start,
    CommitmentDiscountCategory: null,
    CommitmentDiscountId: null,
    CommitmentDiscountName: null,
    CommitmentDiscountStatus: null,
    CommitmentDiscountType: null,
    ConsumedQuantity: formatQuantity(quantity),
    ConsumedUnit: line.pricingUnit,
    ContractedCost: amount,
    ContractedUnitPrice: formatAmount(contractedUnitPrice),
    EffectiveCost: amount,
    InvoiceIssuerName: catalog.invoiceIssuerName,
    ListCost: formatAmount(cost / (1 - NEGOTIATED_DISCOUNT)),
    ListUnitPrice: formatAmount(line.listUnitPrice),
    PricingCategory: 'Standard',
    PricingQuantity: formatQuantity(quantity),
    PricingUnit: line.pricingUnit,
    ProviderName: catalog.providerName,
    PublisherName: catalog.publisherName,
    RegionId: catalog.regionId,
    RegionName: catalog.regionName,
    ResourceId: resourceId,
    ResourceName: null,
    ResourceType: line.resourceType,
    ServiceCategory: line.serviceCategory,
    ServiceName: line.serviceName,
    SkuId: line.skuId,
    SkuPriceId: null,
    SubAccountId: pe.account.id,
    SubAccountName: pe.account.name,
    Tags: SHARED_TAGS[line.tags](pe.environment.name),
  };
}

function creditRow(
  pe: ProviderEnvironment,
  credit: number,
  period: Period,
  billingPeriod: Period,
): SyntheticFocusRow {
  const catalog = pe.catalog;
  const amount = formatAmount(-credit);
  return {
    AvailabilityZone: null,
    BilledCost: amount,
    BillingAccountId: pe.billingAccountId,
    BillingAccountName: catalog.billingAccountName,
    BillingCurrency: 'USD',
    BillingPeriodEnd: billingPeriod.end,
    BillingPeriodStart: billingPeriod.start,
    ChargeCategory: 'Credit',
    ChargeClass: null,
    ChargeDescription: catalog.creditDescription,
    ChargeFrequency: 'One-Time',
    ChargePeriodEnd: period.end,
    ChargePeriodStart: period.start,
    CommitmentDiscountCategory: null,
    CommitmentDiscountId: null,
    CommitmentDiscountName: null,
    CommitmentDiscountStatus: null,
    CommitmentDiscountType: null,
    ConsumedQuantity: null,
    ConsumedUnit: null,
    ContractedCost: amount,
    ContractedUnitPrice: null,
    EffectiveCost: amount,
    InvoiceIssuerName: catalog.invoiceIssuerName,
    ListCost: '0',
    ListUnitPrice: null,
    PricingCategory: null,
    PricingQuantity: null,
    PricingUnit: null,
    ProviderName: catalog.providerName,
    PublisherName: catalog.publisherName,
    RegionId: null,
    RegionName: null,
    ResourceId: null,
    ResourceName: null,
    ResourceType: null,
    ServiceCategory: 'Compute',
    ServiceName: catalog.creditServiceName,
    SkuId: null,
    SkuPriceId: null,
    SubAccountId: pe.account.id,
    SubAccountName: pe.account.name,
    Tags: null,
  };
}
