/**
 * Money helpers shared by the estimator, its text formatter and the UI so
 * that every place rounds the same way.
 */

/**
 * Hours in a billing month used for every hourly price (365 × 24 / 12).
 *
 * @public
 */
export const HOURS_PER_MONTH = 730;

/**
 * Decimal places kept in estimate results. Six places remove binary
 * floating-point noise (0.0416 × 730 = 30.368000000000002) while keeping
 * sub-cent prices exact.
 *
 * @public
 */
export const MONEY_DECIMALS = 6;

const MONEY_FACTOR = 10 ** MONEY_DECIMALS;

/**
 * Rounds an amount to {@link MONEY_DECIMALS} places, half away from zero.
 *
 * @public
 */
export function roundMoney(amount: number): number {
  const rounded =
    Math.sign(amount) * Math.round(Math.abs(amount) * MONEY_FACTOR);
  // `|| 0` turns -0 into 0 so JSON and formatting never show "-0".
  return rounded / MONEY_FACTOR || 0;
}

/**
 * Rounds an amount to cents, half away from zero. Used for display only.
 *
 * @public
 */
export function roundToCents(amount: number): number {
  // Work on whole micro-units first so that 1.005 (stored as 1.00499999…)
  // rounds up like a person would expect.
  const micros = Math.round(Math.abs(amount) * MONEY_FACTOR);
  const cents = Math.round(micros / (MONEY_FACTOR / 100));
  return (Math.sign(amount) * cents) / 100 || 0;
}

/**
 * Formats an amount with two decimals and thousands separators, e.g.
 * `1,234.50`. With `signed`, positive amounts get a leading `+`.
 *
 * @public
 */
export function formatMoney(
  amount: number,
  options: { signed?: boolean } = {},
): string {
  const cents = roundToCents(amount);
  const [whole, fraction] = Math.abs(cents).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let sign = '';
  if (cents < 0) {
    sign = '-';
  } else if (options.signed && cents > 0) {
    sign = '+';
  }
  return `${sign}${grouped}.${fraction}`;
}
