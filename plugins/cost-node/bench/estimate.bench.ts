/*
 * Benchmark of the offline cost estimator.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs plugins/cost-node/bench/estimate.bench.ts
 *
 * Generates synthetic plans of 1,000, 10,000 and 100,000 resources in memory
 * (nothing is written), and prints one JSON line per figure:
 *   json_parse_ms          median time of JSON.parse of the plan text
 *   estimate_ms            median time of estimateTerraformPlan on the parsed plan
 *   estimate_from_text_ms  median time of estimateTerraformPlan on the text (parse included)
 *   ratio_to_json_parse    estimate_ms / json_parse_ms
 *   peak_rss_mb            peak resident set size of the process so far
 * plus goal lines for 10,000 resources (< 1000 ms, ≤ 5× JSON.parse).
 */
import { defaultPriceBook, estimateTerraformPlan } from '../src';
import { syntheticPlan } from '../src/synthetic/syntheticPlan';

const SIZES: Array<{ resources: number; runs: number }> = [
  { resources: 1_000, runs: 9 },
  { resources: 10_000, runs: 7 },
  { resources: 100_000, runs: 3 },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function measure(runs: number, fn: () => unknown): number {
  // Warm-up runs (JIT, caches) are not counted.
  fn();
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(time(fn));
  return median(samples);
}

function emit(
  resources: number,
  metric: string,
  value: number,
  extra: Record<string, unknown> = {},
) {
  process.stdout.write(
    `${JSON.stringify({
      bench: 'cost.estimate',
      resources,
      metric,
      value: Math.round(value * 100) / 100,
      ...extra,
    })}\n`,
  );
}

function peakRssMb(): number {
  // maxRSS is in kilobytes.
  return Math.max(
    process.resourceUsage().maxRSS / 1024,
    process.memoryUsage().rss / 2 ** 20,
  );
}

function main() {
  const priceBook = defaultPriceBook();
  for (const { resources, runs } of SIZES) {
    const text = JSON.stringify(syntheticPlan(resources));
    const parsed: unknown = JSON.parse(text);

    const jsonParseMs = measure(runs, () => JSON.parse(text));
    let estimate: ReturnType<typeof estimateTerraformPlan> | undefined;
    const estimateMs = measure(runs, () => {
      estimate = estimateTerraformPlan(parsed, { priceBook });
    });
    const fromTextMs = measure(runs, () =>
      estimateTerraformPlan(text, { priceBook }),
    );
    if (estimate?.resources.length !== resources) {
      throw new Error(
        `estimate covered ${estimate?.resources.length} of ${resources} resources`,
      );
    }
    const ratio = estimateMs / jsonParseMs;

    emit(resources, 'plan_mb', Buffer.byteLength(text) / 2 ** 20);
    emit(resources, 'json_parse_ms', jsonParseMs);
    emit(resources, 'estimate_ms', estimateMs);
    emit(resources, 'estimate_from_text_ms', fromTextMs);
    emit(resources, 'ratio_to_json_parse', ratio);
    emit(resources, 'peak_rss_mb', peakRssMb());
    if (resources === 10_000) {
      emit(resources, 'goal_estimate_from_text_ms', fromTextMs, {
        goal: '<1000ms',
        met: fromTextMs < 1000,
      });
      emit(resources, 'goal_ratio_to_json_parse', ratio, {
        goal: '<=5',
        met: ratio <= 5,
      });
    }
  }
}

main();
