/*
 * The FOCUS column catalogue and header resolution.
 *
 * Column names are matched case-insensitively (the official spec scenarios
 * themselves spell `SkuPriceid`), surrounding whitespace is ignored, and a few
 * renamed columns from pre-1.0 and post-1.2 versions are accepted under their
 * old/new names so that one reader handles FOCUS 1.0, 1.1 and 1.2 exports.
 */

/** The kind of value a column holds; decides how a cell is parsed. */
export type FocusValueKind = 'decimal' | 'timestamp' | 'text' | 'tags';

/** FOCUS version a column first appeared in (used to guess a file's version). */
export type FocusVersion = '1.0' | '1.1' | '1.2';

interface ColumnSpec {
  readonly name: string;
  readonly kind: FocusValueKind;
  readonly since: FocusVersion;
  /** Other names the same column has had in earlier or later FOCUS versions. */
  readonly aliases?: readonly string[];
}

/**
 * Every column the reader understands. Columns not listed here are reported
 * as unknown (and ignored), except `x_` extension columns which are kept.
 */
export const FOCUS_COLUMNS = [
  { name: 'AvailabilityZone', kind: 'text', since: '1.0' },
  { name: 'BilledCost', kind: 'decimal', since: '1.0' },
  { name: 'BillingAccountId', kind: 'text', since: '1.0' },
  { name: 'BillingAccountName', kind: 'text', since: '1.0' },
  { name: 'BillingAccountType', kind: 'text', since: '1.2' },
  { name: 'BillingCurrency', kind: 'text', since: '1.0' },
  { name: 'BillingPeriodEnd', kind: 'timestamp', since: '1.0' },
  { name: 'BillingPeriodStart', kind: 'timestamp', since: '1.0' },
  { name: 'CapacityReservationId', kind: 'text', since: '1.1' },
  { name: 'CapacityReservationStatus', kind: 'text', since: '1.1' },
  // FOCUS 0.5 called it ChargeType.
  {
    name: 'ChargeCategory',
    kind: 'text',
    since: '1.0',
    aliases: ['ChargeType'],
  },
  { name: 'ChargeClass', kind: 'text', since: '1.0' },
  { name: 'ChargeDescription', kind: 'text', since: '1.0' },
  { name: 'ChargeFrequency', kind: 'text', since: '1.0' },
  { name: 'ChargePeriodEnd', kind: 'timestamp', since: '1.0' },
  { name: 'ChargePeriodStart', kind: 'timestamp', since: '1.0' },
  { name: 'CommitmentDiscountCategory', kind: 'text', since: '1.0' },
  { name: 'CommitmentDiscountId', kind: 'text', since: '1.0' },
  { name: 'CommitmentDiscountName', kind: 'text', since: '1.0' },
  { name: 'CommitmentDiscountQuantity', kind: 'decimal', since: '1.1' },
  { name: 'CommitmentDiscountStatus', kind: 'text', since: '1.0' },
  { name: 'CommitmentDiscountType', kind: 'text', since: '1.0' },
  { name: 'CommitmentDiscountUnit', kind: 'text', since: '1.1' },
  // FOCUS 0.5 called these UsageQuantity / UsageUnit.
  {
    name: 'ConsumedQuantity',
    kind: 'decimal',
    since: '1.0',
    aliases: ['UsageQuantity'],
  },
  { name: 'ConsumedUnit', kind: 'text', since: '1.0', aliases: ['UsageUnit'] },
  { name: 'ContractedCost', kind: 'decimal', since: '1.0' },
  { name: 'ContractedUnitPrice', kind: 'decimal', since: '1.0' },
  // FOCUS 0.5 called it AmortizedCost.
  {
    name: 'EffectiveCost',
    kind: 'decimal',
    since: '1.0',
    aliases: ['AmortizedCost'],
  },
  { name: 'InvoiceId', kind: 'text', since: '1.2' },
  { name: 'InvoiceIssuerName', kind: 'text', since: '1.0' },
  { name: 'ListCost', kind: 'decimal', since: '1.0' },
  { name: 'ListUnitPrice', kind: 'decimal', since: '1.0' },
  { name: 'PricingCategory', kind: 'text', since: '1.0' },
  { name: 'PricingCurrency', kind: 'text', since: '1.2' },
  { name: 'PricingQuantity', kind: 'decimal', since: '1.0' },
  { name: 'PricingUnit', kind: 'text', since: '1.0' },
  // FOCUS 1.3 renames ProviderName to ServiceProviderName.
  {
    name: 'ProviderName',
    kind: 'text',
    since: '1.0',
    aliases: ['ServiceProviderName'],
  },
  { name: 'PublisherName', kind: 'text', since: '1.0' },
  // FOCUS 0.5 had a single Region column holding the id.
  { name: 'RegionId', kind: 'text', since: '1.0', aliases: ['Region'] },
  { name: 'RegionName', kind: 'text', since: '1.0' },
  { name: 'ResourceId', kind: 'text', since: '1.0' },
  { name: 'ResourceName', kind: 'text', since: '1.0' },
  { name: 'ResourceType', kind: 'text', since: '1.0' },
  { name: 'ServiceCategory', kind: 'text', since: '1.0' },
  { name: 'ServiceName', kind: 'text', since: '1.0' },
  { name: 'ServiceSubcategory', kind: 'text', since: '1.1' },
  { name: 'SkuId', kind: 'text', since: '1.0' },
  { name: 'SkuMeter', kind: 'text', since: '1.1' },
  { name: 'SkuPriceId', kind: 'text', since: '1.0' },
  { name: 'SubAccountId', kind: 'text', since: '1.0' },
  { name: 'SubAccountName', kind: 'text', since: '1.0' },
  { name: 'SubAccountType', kind: 'text', since: '1.2' },
  { name: 'Tags', kind: 'tags', since: '1.0' },
] as const satisfies readonly ColumnSpec[];

/** A FOCUS column name in its canonical spelling. */
export type FocusColumnName = (typeof FOCUS_COLUMNS)[number]['name'];

/**
 * Columns without which a file cannot be ingested at all: cost, when, what
 * kind of charge, and in which currency. Everything else is used when present.
 */
export const REQUIRED_FOCUS_COLUMNS: readonly FocusColumnName[] = [
  'BilledCost',
  'EffectiveCost',
  'ChargePeriodStart',
  'ChargeCategory',
  'BillingCurrency',
];

/** Prefix FOCUS reserves for provider-specific custom columns. */
export const EXTENSION_COLUMN_PREFIX = 'x_';

/** Where each column sits in the file's records; -1 when the file lacks it. */
export type ColumnIndex = Readonly<Record<FocusColumnName, number>>;

/** The outcome of matching a file's header row against the catalogue. */
export interface ResolvedHeader {
  readonly index: ColumnIndex;
  /** Number of fields in the header; every record must have the same. */
  readonly fieldCount: number;
  /** `x_` columns, kept verbatim in each row's `extensions`. */
  readonly extensionColumns: ReadonlyArray<{ name: string; index: number }>;
  /** Columns that are neither FOCUS nor `x_` (e.g. an `Id` column); ignored. */
  readonly unknownColumns: readonly string[];
  /** Header names that occur more than once; the first occurrence is used. */
  readonly duplicateColumns: readonly string[];
  /** Required columns the header lacks (the file must then be refused). */
  readonly missingRequiredColumns: readonly FocusColumnName[];
  /** Columns that were found under an older/newer name, as `Alias→Name`. */
  readonly aliasedColumns: readonly string[];
  /** Lowest FOCUS version whose column set explains the header. */
  readonly detectedVersion: FocusVersion;
}

const byLowerName = new Map<string, ColumnSpec>(
  FOCUS_COLUMNS.map(spec => [spec.name.toLowerCase(), spec]),
);
const byLowerAlias = new Map<string, ColumnSpec>(
  FOCUS_COLUMNS.flatMap(spec =>
    ((spec as ColumnSpec).aliases ?? []).map(
      alias => [alias.toLowerCase(), spec] as const,
    ),
  ),
);

/** Header cell → comparable form (BOMs and stray quotes happen in exports). */
function cleanHeaderName(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
}

/**
 * Matches a header row against the FOCUS catalogue.
 *
 * @param header - the first record of the file
 * @param requiredColumns - columns whose absence refuses the file
 */
export function resolveHeader(
  header: readonly string[],
  requiredColumns: readonly FocusColumnName[] = REQUIRED_FOCUS_COLUMNS,
): ResolvedHeader {
  const index = Object.fromEntries(
    FOCUS_COLUMNS.map(spec => [spec.name, -1]),
  ) as Record<FocusColumnName, number>;
  const extensionColumns: Array<{ name: string; index: number }> = [];
  const unknownColumns: string[] = [];
  const duplicateColumns: string[] = [];
  const aliasedColumns: string[] = [];
  const seen = new Set<string>();
  const aliasCandidates: Array<{ spec: ColumnSpec; raw: string; at: number }> =
    [];

  header.forEach((raw, at) => {
    const name = cleanHeaderName(raw);
    const lower = name.toLowerCase();
    if (seen.has(lower)) {
      duplicateColumns.push(name);
      return;
    }
    seen.add(lower);
    const spec = byLowerName.get(lower);
    if (spec) {
      index[spec.name as FocusColumnName] = at;
      return;
    }
    const aliasOf = byLowerAlias.get(lower);
    if (aliasOf) {
      aliasCandidates.push({ spec: aliasOf, raw: name, at });
      return;
    }
    if (lower.startsWith(EXTENSION_COLUMN_PREFIX)) {
      extensionColumns.push({ name, index: at });
      return;
    }
    unknownColumns.push(name);
  });

  // Aliases only fill gaps: when a file has both ProviderName and
  // ServiceProviderName, the canonical column wins.
  for (const { spec, raw, at } of aliasCandidates) {
    const canonical = spec.name as FocusColumnName;
    if (index[canonical] === -1) {
      index[canonical] = at;
      aliasedColumns.push(`${raw}→${canonical}`);
    } else {
      unknownColumns.push(raw);
    }
  }

  const missingRequiredColumns = requiredColumns.filter(
    name => index[name] === -1,
  );

  let detectedVersion: FocusVersion = '1.0';
  for (const spec of FOCUS_COLUMNS) {
    if (index[spec.name] !== -1 && spec.since > detectedVersion) {
      detectedVersion = spec.since;
    }
  }

  return {
    index,
    fieldCount: header.length,
    extensionColumns,
    unknownColumns,
    duplicateColumns,
    missingRequiredColumns,
    aliasedColumns,
    detectedVersion,
  };
}
