// Shared by the benchmark scripts: the output format and a percentile.

/** One measured figure as one JSON line; values rounded to 0.1 for reading. */
export function report(figure) {
  const value =
    typeof figure.value === 'number'
      ? Math.round(figure.value * 10) / 10
      : figure.value;
  process.stdout.write(`${JSON.stringify({ ...figure, value })}\n`);
}

/** The p-th percentile (nearest rank) of ascending sorted values. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
