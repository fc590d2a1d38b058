import type { FocusTags } from './tags';

/** The FOCUS ChargeCategory values, in their canonical spelling. */
export type FocusChargeCategory =
  | 'Usage'
  | 'Purchase'
  | 'Tax'
  | 'Credit'
  | 'Adjustment';

/**
 * One billing line after normalisation.
 *
 * - Absent columns and empty/`NULL` cells are `null`.
 * - Timestamps are milliseconds since the epoch, UTC (numbers, not Dates:
 *   millions of rows pass through here and only the day is needed later).
 * - Costs keep their sign: credits and refunds are negative.
 * - `billedCost` is what the invoice shows; `effectiveCost` is the amortised
 *   cost (commitment purchases have `effectiveCost` 0 and their cost appears
 *   in the covered usage rows instead). Dashboards sum `effectiveCost`.
 */
export interface FocusRow {
  /** Line of the file on which the record ends (the header is line 1). */
  readonly line: number;

  readonly billedCost: number;
  readonly effectiveCost: number;
  readonly listCost: number | null;
  readonly contractedCost: number | null;
  readonly listUnitPrice: number | null;
  readonly contractedUnitPrice: number | null;
  readonly pricingQuantity: number | null;
  readonly pricingUnit: string | null;
  readonly pricingCategory: string | null;
  readonly pricingCurrency: string | null;
  readonly consumedQuantity: number | null;
  readonly consumedUnit: string | null;
  readonly billingCurrency: string;

  readonly chargePeriodStart: number;
  readonly chargePeriodEnd: number | null;
  readonly billingPeriodStart: number | null;
  readonly billingPeriodEnd: number | null;

  /** Canonical spelling when recognised; otherwise the file's text. */
  readonly chargeCategory: FocusChargeCategory | string;
  /** `Correction` for corrections of earlier billing periods, else null. */
  readonly chargeClass: string | null;
  readonly chargeDescription: string | null;
  /** `One-Time`, `Recurring` or `Usage-Based` (case normalised). */
  readonly chargeFrequency: string | null;

  readonly providerName: string | null;
  readonly publisherName: string | null;
  readonly invoiceIssuerName: string | null;
  readonly invoiceId: string | null;
  readonly billingAccountId: string | null;
  readonly billingAccountName: string | null;
  readonly billingAccountType: string | null;
  readonly subAccountId: string | null;
  readonly subAccountName: string | null;
  readonly subAccountType: string | null;

  readonly serviceName: string | null;
  readonly serviceCategory: string | null;
  readonly serviceSubcategory: string | null;
  readonly resourceId: string | null;
  readonly resourceName: string | null;
  readonly resourceType: string | null;
  readonly regionId: string | null;
  readonly regionName: string | null;
  readonly availabilityZone: string | null;
  readonly skuId: string | null;
  readonly skuPriceId: string | null;
  readonly skuMeter: string | null;

  readonly commitmentDiscountId: string | null;
  readonly commitmentDiscountName: string | null;
  readonly commitmentDiscountCategory: string | null;
  readonly commitmentDiscountStatus: string | null;
  readonly commitmentDiscountType: string | null;
  readonly commitmentDiscountQuantity: number | null;
  readonly commitmentDiscountUnit: string | null;
  readonly capacityReservationId: string | null;
  readonly capacityReservationStatus: string | null;

  /** Parsed `Tags` column; the shared empty object when there are none. */
  readonly tags: FocusTags;
  /** Non-null `x_` extension columns by their header name, or null. */
  readonly extensions: Readonly<Record<string, string>> | null;
}
