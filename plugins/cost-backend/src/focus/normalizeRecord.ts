/*
 * Turns one raw CSV record (an array of cell texts) into a FocusRow.
 *
 * The normaliser is compiled once per file from the resolved header: column
 * positions are captured up front so that the per-row work is plain indexed
 * reads and a single object literal with a fixed shape (which V8 keeps fast).
 */
import type { FocusColumnName, ResolvedHeader } from './columns';
import type { FocusChargeCategory, FocusRow } from './focusRow';
import type { IssueLog } from './issues';
import { NO_TAGS, TagsParser } from './tags';
import { cellText, memoizedTimestampParser, parseDecimal } from './values';

/** Options that change how individual values are interpreted. */
export interface NormalizeOptions {
  /**
   * Currency to assume when the file has no BillingCurrency column at all
   * (e.g. the official FOCUS spec scenarios, or hand-made single-currency
   * exports). Without it such files are refused. An empty BillingCurrency
   * cell in a file that has the column still rejects the row.
   */
  defaultBillingCurrency?: string;
}

/** Converts a record to a row, or returns undefined after logging a rejection. */
export type RecordNormalizer = (
  record: readonly string[],
  line: number,
) => FocusRow | undefined;

const CHARGE_CATEGORIES = new Map<string, FocusChargeCategory>();
for (const category of [
  'Usage',
  'Purchase',
  'Tax',
  'Credit',
  'Adjustment',
] as const) {
  CHARGE_CATEGORIES.set(category, category);
  CHARGE_CATEGORIES.set(category.toLowerCase(), category);
}

// Real files mix `Usage-Based` and `Usage-based`; one spelling per value keeps
// group-bys and filters honest.
const CHARGE_FREQUENCIES = new Map<string, string>(
  ['One-Time', 'Recurring', 'Usage-Based'].map(v => [v.toLowerCase(), v]),
);

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/** Builds the record normaliser for a file with the given header. */
export function createRecordNormalizer(
  header: ResolvedHeader,
  issues: IssueLog,
  options: NormalizeOptions = {},
): RecordNormalizer {
  const at = header.index;
  const fieldCount = header.fieldCount;
  const tagsParser = new TagsParser();
  const extensionColumns = header.extensionColumns;
  const defaultCurrency = options.defaultBillingCurrency?.trim().toUpperCase();
  // Hourly files repeat the same timestamps on thousands of consecutive rows.
  const timestamps = {
    ChargePeriodStart: memoizedTimestampParser(),
    ChargePeriodEnd: memoizedTimestampParser(),
    BillingPeriodStart: memoizedTimestampParser(),
    BillingPeriodEnd: memoizedTimestampParser(),
  };

  // Helpers take the column's position (looked up once per call site from
  // `at`, never by a computed key: that keeps V8's property access fast) and
  // its name for messages. Each returns null for absent/empty cells.
  // "Required" helpers log a rejection and return undefined; "optional" ones
  // log a warning and return null, so a bad optional cell never costs the row.
  function text(record: readonly string[], index: number): string | null {
    return index < 0 ? null : cellText(record[index]);
  }

  function optionalDecimal(
    record: readonly string[],
    index: number,
    column: FocusColumnName,
    line: number,
  ): number | null {
    const cell = text(record, index);
    if (cell === null) {
      return null;
    }
    const value = parseDecimal(cell);
    if (value === undefined) {
      issues.warn('invalid-optional-value', line, column, 'not a number', cell);
      return null;
    }
    return value;
  }

  function optionalTimestamp(
    record: readonly string[],
    index: number,
    column: keyof typeof timestamps,
    line: number,
  ): number | null {
    const cell = text(record, index);
    if (cell === null) {
      return null;
    }
    const value = timestamps[column](cell);
    if (value === undefined) {
      issues.warn(
        'invalid-optional-value',
        line,
        column,
        'not a valid timestamp',
        cell,
      );
      return null;
    }
    return value;
  }

  function requiredDecimal(
    record: readonly string[],
    index: number,
    column: FocusColumnName,
    line: number,
  ): number | undefined {
    const cell = text(record, index);
    if (cell === null) {
      issues.reject(line, column, 'required value is empty');
      return undefined;
    }
    const value = parseDecimal(cell);
    if (value === undefined) {
      issues.reject(line, column, 'not a number', cell);
    }
    return value;
  }

  function chargeFrequency(record: readonly string[]): string | null {
    const cell = text(record, at.ChargeFrequency);
    return cell === null
      ? null
      : CHARGE_FREQUENCIES.get(cell.toLowerCase()) ?? cell;
  }

  function extensions(
    record: readonly string[],
  ): Readonly<Record<string, string>> | null {
    let result: Record<string, string> | null = null;
    for (const column of extensionColumns) {
      const cell = cellText(record[column.index]);
      if (cell !== null) {
        result ??= {};
        result[column.name] = cell;
      }
    }
    return result;
  }

  return function normalizeRecord(record, line) {
    if (record.length !== fieldCount) {
      issues.reject(
        line,
        null,
        `expected ${fieldCount} fields as in the header, found ${record.length}`,
      );
      return undefined;
    }

    const billedCost = requiredDecimal(
      record,
      at.BilledCost,
      'BilledCost',
      line,
    );
    if (billedCost === undefined) return undefined;
    const effectiveCost = requiredDecimal(
      record,
      at.EffectiveCost,
      'EffectiveCost',
      line,
    );
    if (effectiveCost === undefined) return undefined;

    const startCell = text(record, at.ChargePeriodStart);
    if (startCell === null) {
      issues.reject(line, 'ChargePeriodStart', 'required value is empty');
      return undefined;
    }
    const chargePeriodStart = timestamps.ChargePeriodStart(startCell);
    if (chargePeriodStart === undefined) {
      issues.reject(
        line,
        'ChargePeriodStart',
        'not a valid timestamp',
        startCell,
      );
      return undefined;
    }

    const categoryCell = text(record, at.ChargeCategory);
    if (categoryCell === null) {
      issues.reject(line, 'ChargeCategory', 'required value is empty');
      return undefined;
    }
    let chargeCategory: string | undefined =
      CHARGE_CATEGORIES.get(categoryCell) ??
      CHARGE_CATEGORIES.get(categoryCell.toLowerCase());
    if (chargeCategory === undefined) {
      // Unknown categories are kept (the money is real) but flagged.
      issues.warn(
        'unknown-charge-category',
        line,
        'ChargeCategory',
        'not a FOCUS ChargeCategory',
        categoryCell,
      );
      chargeCategory = categoryCell;
    }

    let billingCurrency: string;
    if (at.BillingCurrency < 0 && defaultCurrency) {
      billingCurrency = defaultCurrency;
    } else {
      const currencyCell = text(record, at.BillingCurrency);
      if (currencyCell === null) {
        issues.reject(line, 'BillingCurrency', 'required value is empty');
        return undefined;
      }
      billingCurrency = currencyCell.toUpperCase();
      if (!CURRENCY_PATTERN.test(billingCurrency)) {
        issues.reject(
          line,
          'BillingCurrency',
          'not an ISO 4217 currency code',
          currencyCell,
        );
        return undefined;
      }
    }

    let chargePeriodEnd = optionalTimestamp(
      record,
      at.ChargePeriodEnd,
      'ChargePeriodEnd',
      line,
    );
    if (chargePeriodEnd !== null && chargePeriodEnd < chargePeriodStart) {
      issues.warn(
        'charge-period-end-before-start',
        line,
        'ChargePeriodEnd',
        'ChargePeriodEnd is before ChargePeriodStart; ignored',
      );
      chargePeriodEnd = null;
    }

    let tags = NO_TAGS;
    if (at.Tags >= 0) {
      const tagsCell = cellText(record[at.Tags]);
      const parsed = tagsParser.parse(tagsCell);
      if (parsed === undefined) {
        issues.warn(
          'invalid-tags',
          line,
          'Tags',
          'not a JSON object; row treated as untagged',
          tagsCell ?? undefined,
        );
      } else {
        tags = parsed;
      }
    }

    return {
      line,
      billedCost,
      effectiveCost,
      listCost: optionalDecimal(record, at.ListCost, 'ListCost', line),
      contractedCost: optionalDecimal(
        record,
        at.ContractedCost,
        'ContractedCost',
        line,
      ),
      listUnitPrice: optionalDecimal(
        record,
        at.ListUnitPrice,
        'ListUnitPrice',
        line,
      ),
      contractedUnitPrice: optionalDecimal(
        record,
        at.ContractedUnitPrice,
        'ContractedUnitPrice',
        line,
      ),
      pricingQuantity: optionalDecimal(
        record,
        at.PricingQuantity,
        'PricingQuantity',
        line,
      ),
      pricingUnit: text(record, at.PricingUnit),
      pricingCategory: text(record, at.PricingCategory),
      pricingCurrency: text(record, at.PricingCurrency),
      consumedQuantity: optionalDecimal(
        record,
        at.ConsumedQuantity,
        'ConsumedQuantity',
        line,
      ),
      consumedUnit: text(record, at.ConsumedUnit),
      billingCurrency,

      chargePeriodStart,
      chargePeriodEnd,
      billingPeriodStart: optionalTimestamp(
        record,
        at.BillingPeriodStart,
        'BillingPeriodStart',
        line,
      ),
      billingPeriodEnd: optionalTimestamp(
        record,
        at.BillingPeriodEnd,
        'BillingPeriodEnd',
        line,
      ),

      chargeCategory,
      chargeClass: text(record, at.ChargeClass),
      chargeDescription: text(record, at.ChargeDescription),
      chargeFrequency: chargeFrequency(record),

      providerName: text(record, at.ProviderName),
      publisherName: text(record, at.PublisherName),
      invoiceIssuerName: text(record, at.InvoiceIssuerName),
      invoiceId: text(record, at.InvoiceId),
      billingAccountId: text(record, at.BillingAccountId),
      billingAccountName: text(record, at.BillingAccountName),
      billingAccountType: text(record, at.BillingAccountType),
      subAccountId: text(record, at.SubAccountId),
      subAccountName: text(record, at.SubAccountName),
      subAccountType: text(record, at.SubAccountType),

      serviceName: text(record, at.ServiceName),
      serviceCategory: text(record, at.ServiceCategory),
      serviceSubcategory: text(record, at.ServiceSubcategory),
      resourceId: text(record, at.ResourceId),
      resourceName: text(record, at.ResourceName),
      resourceType: text(record, at.ResourceType),
      regionId: text(record, at.RegionId),
      regionName: text(record, at.RegionName),
      availabilityZone: text(record, at.AvailabilityZone),
      skuId: text(record, at.SkuId),
      skuPriceId: text(record, at.SkuPriceId),
      skuMeter: text(record, at.SkuMeter),

      commitmentDiscountId: text(record, at.CommitmentDiscountId),
      commitmentDiscountName: text(record, at.CommitmentDiscountName),
      commitmentDiscountCategory: text(record, at.CommitmentDiscountCategory),
      commitmentDiscountStatus: text(record, at.CommitmentDiscountStatus),
      commitmentDiscountType: text(record, at.CommitmentDiscountType),
      commitmentDiscountQuantity: optionalDecimal(
        record,
        at.CommitmentDiscountQuantity,
        'CommitmentDiscountQuantity',
        line,
      ),
      commitmentDiscountUnit: text(record, at.CommitmentDiscountUnit),
      capacityReservationId: text(record, at.CapacityReservationId),
      capacityReservationStatus: text(record, at.CapacityReservationStatus),

      tags,
      extensions: extensionColumns.length > 0 ? extensions(record) : null,
    };
  };
}
