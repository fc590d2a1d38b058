/**
 * Benchmark of plan validation at scale: a production plan with 500
 * workloads, validated as an object (validatePlan) and parsed from YAML text
 * with positions (parsePlan), and diffed against a revision, 20 measured
 * runs each after warm-up; plus parsing a real example plan for scale
 * (YAML parsing dominates parsePlan on large documents).
 * Prints one JSON line per figure to stdout.
 *
 *   yarn node --require @backstage/cli/config/nodeTransform.cjs \
 *     plugins/infra-plans-common/bench/validate.bench.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { diffPlans, parsePlan, presetPlan, validatePlan } from '../src';
import type { InfraPlan } from '../src';

const WORKLOADS = 500;
const RUNS = 20;
const WARMUP = 3;
const BENCH = 'infra-plans.validate';

function report(figure: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)];
}

function buildPlan(workloads: number): InfraPlan {
  const plan = presetPlan({
    service: 'bench',
    owner: 'team-bench',
    cache: true,
    objectStorage: true,
    delivery: 'canary',
    tiers: ['production'],
  });
  const env = plan.spec.environments.production;
  env.compute.nodeGroups[0].maxSize = 400;
  const template = env.workloads[0];
  env.workloads = Array.from({ length: workloads }, (_, i) => ({
    ...structuredClone(template),
    name: `svc-${i}`,
    image: `ghcr.io/gatehouse/svc-${i}:1.0.${i}`,
  }));
  env.network.loadBalancers![0].targets = env.workloads
    .slice(0, 50)
    .map(w => w.name);
  env.observability!.alerts = env.workloads.slice(0, 100).map((w, i) => ({
    name: `latency-${i}`,
    signal: 'latency-p95' as const,
    threshold: '300ms',
    severity: 'critical' as const,
    workload: w.name,
  }));
  return plan;
}

function measure(
  label: string,
  run: () => void,
  extra: Record<string, unknown> = {},
): void {
  for (let i = 0; i < WARMUP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  for (const p of [50, 95]) {
    report({
      bench: BENCH,
      workloads: WORKLOADS,
      ...extra,
      metric: `${label}_ms_p${p}`,
      value: Math.round(percentile(times, p) * 100) / 100,
      unit: 'ms',
      runs: RUNS,
    });
  }
}

const plan = buildPlan(WORKLOADS);
const text = stringify(plan);
const check = validatePlan(plan);
if (check.errorCount > 0) {
  throw new Error(
    `the benchmark plan is invalid: ${check.issues[0].path} ${check.issues[0].problem}`,
  );
}
report({
  bench: BENCH,
  workloads: WORKLOADS,
  metric: 'yaml_lines',
  value: text.split('\n').length,
  unit: 'lines',
});

measure('validate', () => validatePlan(plan));
measure('parse', () => parsePlan(text));

const after = structuredClone(plan);
after.spec.environments.production.workloads.forEach((w, i) => {
  if (i % 10 === 0) w.replicas += 1;
});
measure('diff', () => diffPlans(plan, after));

const example = readFileSync(
  resolve(__dirname, '../../../examples/plans/knowledge-store/infra-plan.yaml'),
  'utf8',
);
measure('parse_example', () => parsePlan(example), {
  workloads: 3,
  plan: 'examples/plans/knowledge-store',
  lines: example.split('\n').length,
});
