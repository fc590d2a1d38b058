/*
 * Time to render an environment repository per tier through the scaffolder's
 * dry-run endpoint: the "New environment for a service" template, every step
 * (catalog read, render, plan and generated-file checks including terraform
 * fmt when present, cost estimate, approval request in dry-run), on the real
 * scaffolder, cost and infra-plans backends.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     plugins/scaffolder-backend-module-gatehouse/bench/dryRun.bench.ts
 *
 * Prints one JSON line per tier: median and p95 milliseconds over RUNS
 * dry-runs, and the number of files rendered.
 */
import {
  dryRun,
  loadTemplate,
  startScaffolder,
} from '../src/__testUtils__/scaffolderBackend';

const RUNS = Number(process.env.BENCH_RUNS ?? 8);
const TIERS = ['development', 'staging', 'production'] as const;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

async function main() {
  const backend = await startScaffolder({});
  const template = loadTemplate('new-environment');
  try {
    for (const tier of TIERS) {
      const times: number[] = [];
      let files = 0;
      for (let run = 0; run <= RUNS; run++) {
        const started = performance.now();
        const { response, files: rendered } = await dryRun(
          backend.server,
          template,
          {
            service: 'component:default/orchestrator-api',
            environment: `bench-${tier.slice(0, 4)}`,
            tier,
            region: 'us-east-1',
            database: true,
            cache: true,
            objectStorage: true,
            delivery: 'canary',
            rollbackPlan: 'terraform destroy',
            testPlan: 'smoke tests',
            publisher: 'local',
          },
        );
        const elapsed = performance.now() - started;
        if (response.status !== 200) {
          throw new Error(`dry-run answered ${response.status}`);
        }
        files = rendered.length;
        // The first run warms up the template engine and module caches.
        if (run > 0) times.push(elapsed);
      }
      console.log(
        JSON.stringify({
          bench: 'environment-dry-run',
          tier,
          runs: times.length,
          files,
          median_ms: Math.round(quantile(times, 0.5)),
          p95_ms: Math.round(quantile(times, 0.95)),
        }),
      );
    }
  } finally {
    await backend.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
