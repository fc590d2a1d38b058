/** A change in percent, signed: "+12.5%", "-3.0%"; "—" when there is none. */
export function percent(value: number | null): string {
  return value === null ? '—' : `${value > 0 ? '+' : ''}${value.toFixed(1)}%`;
}

/** Unattributed spend has no key; say so rather than show a blank. */
export const groupLabel = (key: string | null) => key ?? 'Unattributed';
