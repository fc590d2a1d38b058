/** Small Markdown helpers for the generated documents. */

/** Escapes a value for a Markdown table cell. */
export function cell(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** A Markdown table; rows of cells are escaped. */
export function table(headers: string[], rows: unknown[][]): string {
  if (rows.length === 0) return '_None._\n';
  const line = (cells: unknown[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [
    line(headers),
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map(line),
  ]
    .join('\n')
    .concat('\n');
}

/** A bullet list of `label: value` pairs, skipping absent values. */
export function facts(pairs: [string, unknown][]): string {
  const lines = pairs
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `- **${k}:** ${String(v).replace(/\r?\n/g, ' ')}`);
  return lines.length ? `${lines.join('\n')}\n` : '_None._\n';
}

export function yesNo(value: boolean | undefined): string {
  if (value === undefined) return '—';
  return value ? 'yes' : 'no';
}

/** Thousands separators, independent of the runtime locale. */
export function num(value: number): string {
  const [int, frac] = String(value).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

export function usd(value: number): string {
  return `$${num(Math.round(value))}`;
}
