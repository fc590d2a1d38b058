/** Money as people read it: "1,234.56 USD" (whole dollars above 10,000). */
export function money(amount: number, currency = 'USD'): string {
  const digits = Math.abs(amount) >= 10_000 ? 0 : 2;
  return `${amount.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })} ${currency}`;
}

/** Short axis labels: 1.2k, 35k. */
export function compactMoney(amount: number): string {
  return new Intl.NumberFormat('en-US', {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(amount);
}

export function signedMoney(amount: number, currency = 'USD'): string {
  return `${amount > 0 ? '+' : ''}${money(amount, currency)}`;
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${value > 0 ? '+' : ''}${value.toFixed(1)}%`;
}

/** Unattributed spend has no key; say so rather than show a blank. */
export const groupLabel = (key: string | null) => key ?? 'Unattributed';
