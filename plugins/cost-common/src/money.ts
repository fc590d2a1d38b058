/**
 * Money helpers shared by the estimator, its text formatter and the UI so
 * that every place rounds and writes amounts the same way.
 *
 * Which formatter to use:
 * - {@link formatMoney}: the bare figure with cents ("1,234.50"), for text
 *   tables that state the currency once (the CLI, plan summaries).
 * - {@link money} and {@link signedMoney}: an amount with its currency
 *   ("1,234.56 USD"), as the portal shows spend, budgets and estimates.
 * - {@link compactMoney}: chart axis labels ("1.2K").
 * - {@link dollars} and {@link formatCostDelta}: dollar-sign amounts
 *   ("$1,234.56", "+$120.50/mo"), as change requests state their cost.
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

/** From this size on, cents are noise next to the whole amount. */
const WHOLE_UNITS_FROM = 10_000;

/**
 * An amount with its currency, as people read it: "1,234.56 USD", and whole
 * units from 10,000 up ("12,346 USD").
 *
 * @public
 */
export function money(amount: number, currency = 'USD'): string {
  const digits = Math.abs(amount) >= WHOLE_UNITS_FROM ? 0 : 2;
  return `${amount.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })} ${currency}`;
}

/**
 * {@link money} with a leading `+` on increases, for changes: "+12.00 USD".
 *
 * @public
 */
export function signedMoney(amount: number, currency = 'USD'): string {
  return `${amount > 0 ? '+' : ''}${money(amount, currency)}`;
}

const compactFormat = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  maximumFractionDigits: 1,
});

/**
 * Short labels for chart axes: "1.2K", "35K".
 *
 * @public
 */
export function compactMoney(amount: number): string {
  return compactFormat.format(amount);
}

/**
 * US dollars with the dollar sign and cents: "$1,234.56".
 *
 * @public
 */
export function dollars(amount: number): string {
  return amount.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
}

/**
 * A monthly cost change in dollars, always signed: "+$120.50/mo",
 * "−$8.00/mo" (with a true minus sign), "$0.00/mo"; "—" when unknown.
 *
 * @public
 */
export function formatCostDelta(delta: number | null | undefined): string {
  if (delta === null || delta === undefined || Number.isNaN(delta)) return '—';
  const rounded = Math.round(delta * 100) / 100;
  let sign = '';
  if (rounded > 0) sign = '+';
  else if (rounded < 0) sign = '−';
  return `${sign}${dollars(Math.abs(rounded))}/mo`;
}
