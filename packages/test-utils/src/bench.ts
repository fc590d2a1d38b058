/**
 * What Gatehouse's benchmarks share: one JSON line per measured figure on
 * standard output, progress on standard error, and the same summary of
 * samples (nearest-rank percentiles, in milliseconds).
 */

/** A reporter for one benchmark: `report({ figure… })` and `progress(text)`. */
export function benchReporter(bench: string) {
  return {
    report: (figure: Record<string, unknown>) =>
      process.stdout.write(`${JSON.stringify({ bench, ...figure })}\n`),
    progress: (message: string) =>
      process.stderr.write(`[${bench} bench] ${message}\n`),
  };
}

/** Milliseconds to one decimal. */
export const roundMs = (ms: number) => Math.round(ms * 10) / 10;

/** The nearest-rank percentile `p` (0–100) of the samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/** p50, p95, min and max of samples in milliseconds, and how many there were. */
export function summarizeMs(samples: number[]) {
  return {
    p50_ms: roundMs(percentile(samples, 50)),
    p95_ms: roundMs(percentile(samples, 95)),
    min_ms: roundMs(Math.min(...samples)),
    max_ms: roundMs(Math.max(...samples)),
    runs: samples.length,
  };
}

/** Runs `fn` once and says how long it took, in milliseconds. */
export async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}
