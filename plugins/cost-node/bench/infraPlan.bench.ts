/*
 * Benchmark of infrastructure plan estimates.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs plugins/cost-node/bench/infraPlan.bench.ts
 *
 * Takes the example plan of orchestrator-api and gives its production
 * environment 500 workloads (copies of its API with other names and
 * requests), then prints one JSON line per figure (medians of several runs
 * after two warm-up runs):
 *   estimate_ms               estimateInfraPlan of the production environment
 *   estimate_with_prior_ms    the same against a prior revision (one node group changed)
 *   read_and_estimate_ms      readInfraPlan of the YAML text (parse and validation) + estimate,
 *                             what POST /estimates/infra-plan does
 *   read_ms                   readInfraPlan alone
 *   resources / workloads     size of the result, for context
 *   peak_rss_mb               peak resident set size of the process
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { defaultPriceBook, estimateInfraPlan, readInfraPlan } from '../src';

const WORKLOADS = 500;
const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

function measure(fn: () => unknown): number {
  fn();
  fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

function emit(metric: string, value: number) {
  process.stdout.write(
    `${JSON.stringify({
      bench: 'cost.infra-plan-estimate',
      workloads: WORKLOADS,
      metric,
      value: Math.round(value * 100) / 100,
    })}\n`,
  );
}

function planWithWorkloads(text: string) {
  const plan = readInfraPlan(text);
  const production = plan.spec.environments.production;
  const [template] = production.workloads;
  // The API (alerts refer to it) and copies of it that pass production's
  // rules (probes, limits, disruption budget); only names and requests vary.
  const copies = Array.from({ length: WORKLOADS - 1 }, (_, i) => {
    const memory = `${256 + (i % 4) * 128}Mi`;
    return {
      ...template,
      name: `worker-${i}`,
      expose: undefined,
      resources: {
        requests: { cpu: `${100 + (i % 8) * 50}m`, memory },
        limits: { cpu: '1', memory },
      },
    };
  });
  production.workloads = [template, ...copies];
  return plan;
}

function main() {
  const examplePath = join(
    __dirname,
    '../../../examples/plans/orchestrator-api/infra-plan.yaml',
  );
  const plan = planWithWorkloads(readFileSync(examplePath, 'utf8'));
  // The copies share objects; write them out rather than as YAML aliases.
  const text = stringify(plan, { aliasDuplicateObjects: false });
  const prior = readInfraPlan(text);
  prior.spec.environments.production.compute.nodeGroups[0].maxSize = 10;
  const priceBook = defaultPriceBook();
  const options = { environment: 'production', priceBook };

  const result = estimateInfraPlan(plan, options);
  emit(
    'workloads_priced',
    result.infraPlan!.workloads.reduce((n, g) => n + g.workloads.length, 0),
  );
  emit('resources', result.resources.length);
  emit(
    'estimate_ms',
    measure(() => estimateInfraPlan(plan, options)),
  );
  emit(
    'estimate_with_prior_ms',
    measure(() => estimateInfraPlan(plan, { ...options, priorPlan: prior })),
  );
  emit(
    'read_ms',
    measure(() => readInfraPlan(text)),
  );
  emit(
    'read_and_estimate_ms',
    measure(() => estimateInfraPlan(readInfraPlan(text), options)),
  );
  emit(
    'peak_rss_mb',
    Math.max(
      process.resourceUsage().maxRSS / 1024,
      process.memoryUsage().rss / 2 ** 20,
    ),
  );
}

main();
