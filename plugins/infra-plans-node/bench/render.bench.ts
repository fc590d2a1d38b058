/*
 * Benchmark of the environment repository generator.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs plugins/infra-plans-node/bench/render.bench.ts
 *
 * Prints one JSON line per figure:
 *   render_ms     median time of renderEnvironmentRepository for a preset
 *                 plan (database, cache, bucket, canary) per tier and
 *                 loadBalancing mode, with the number of files and bytes
 *                 it produced
 *   validate_ms   median time of validatePlan (infra-plans-common) on a
 *                 synthetic production plan with 500 workloads
 *   render_ms     the same 500-workload environment rendered
 *   peak_rss_mb   peak resident set size of the process
 */
import {
  presetPlan,
  validatePlan,
  type InfraPlan,
  type Tier,
  type Workload,
} from '@gatehouse/plugin-infra-plans-common';
import { renderEnvironmentRepository } from '../src';

const RUNS = 15;

/** Both ways of creating the application load balancers (see RenderEnvironmentOptions). */
const LOAD_BALANCING = ['ingress', 'target-group-binding'] as const;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

function measure(runs: number, fn: () => unknown): number {
  // Warm-up runs (JIT, caches) are not counted.
  fn();
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

function emit(figure: Record<string, unknown>) {
  process.stdout.write(
    `${JSON.stringify({ bench: 'infra-plans.render', ...figure })}\n`,
  );
}

function presetFor(tier: Tier): InfraPlan {
  return presetPlan({
    service: 'bench-service',
    owner: 'team-bench',
    tiers: [tier],
    database: true,
    cache: true,
    objectStorage: true,
    delivery: 'canary',
  });
}

/** A production plan whose one environment runs `count` copies of the preset workload. */
function syntheticPlan(count: number): InfraPlan {
  const plan = presetFor('production');
  const env = plan.spec.environments.production;
  const template = env.workloads[0];
  const workloads: Workload[] = Array.from({ length: count }, (_, i) => ({
    ...structuredClone(template),
    name: `svc-${String(i).padStart(3, '0')}`,
    expose: undefined,
    secrets: undefined,
  }));
  workloads[0] = { ...workloads[0], expose: template.expose };
  env.workloads = workloads;
  env.network.loadBalancers![0].targets = [workloads[0].name];
  env.observability!.alerts = env.observability!.alerts!.map(alert => ({
    ...alert,
    workload: workloads[0].name,
  }));
  env.compute.nodeGroups[0].maxSize = 500;
  return plan;
}

function peakRssMb(): number {
  return Math.round(
    Math.max(
      process.resourceUsage().maxRSS / 1024,
      process.memoryUsage().rss / 2 ** 20,
    ),
  );
}

function main() {
  for (const tier of ['development', 'staging', 'production'] as Tier[]) {
    for (const loadBalancing of LOAD_BALANCING) {
      const plan = presetFor(tier);
      const options = { plan, environment: tier, loadBalancing };
      let repo = renderEnvironmentRepository(options);
      const ms = measure(RUNS, () => {
        repo = renderEnvironmentRepository(options);
      });
      emit({
        metric: 'render_ms',
        tier,
        loadBalancing,
        workloads: plan.spec.environments[tier].workloads.length,
        files: repo.files.length,
        bytes: repo.files.reduce((n, f) => n + f.content.length, 0),
        runs: RUNS,
        value: Math.round(ms * 100) / 100,
      });
    }
  }

  const big = syntheticPlan(500);
  const result = validatePlan(big);
  if (!result.valid) {
    throw new Error(
      `the synthetic plan does not validate: ${result.issues
        .filter(i => i.severity === 'error')
        .slice(0, 3)
        .map(i => `${i.path}: ${i.problem}`)
        .join('; ')}`,
    );
  }
  emit({
    metric: 'validate_ms',
    workloads: 500,
    runs: RUNS,
    value: Math.round(measure(RUNS, () => validatePlan(big)) * 100) / 100,
  });
  const renderRuns = 5;
  let repo = renderEnvironmentRepository({
    plan: big,
    environment: 'production',
  });
  const renderBig = measure(renderRuns, () => {
    repo = renderEnvironmentRepository({
      plan: big,
      environment: 'production',
    });
  });
  emit({
    metric: 'render_ms',
    tier: 'production',
    workloads: 500,
    files: repo.files.length,
    bytes: repo.files.reduce((n, f) => n + f.content.length, 0),
    runs: renderRuns,
    value: Math.round(renderBig * 100) / 100,
  });
  emit({ metric: 'peak_rss_mb', value: peakRssMb() });
}

main();
