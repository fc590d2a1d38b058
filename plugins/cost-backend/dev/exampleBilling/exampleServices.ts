/*
 * The portal's example services and what they plausibly cost.
 *
 * Production daily base costs put each service in the low thousands of USD
 * per month in production (e.g. knowledge-store ≈ 96 USD/day ≈ 2.9k/month,
 * dominated by its PostgreSQL and Redis); staging and development run the
 * same architecture at a fraction of the capacity.
 */
import type { CostComponent, SyntheticProvider } from './providerCatalog';

/** An environment and its size relative to production (1). */
export interface SyntheticEnvironment {
  readonly name: string;
  readonly scale: number;
}

export interface SyntheticService {
  readonly name: string;
  readonly team: string;
  /** Default: development, staging, production (see DEFAULT_ENVIRONMENTS). */
  readonly environments?: readonly SyntheticEnvironment[];
  /** USD per day at scale 1 on the first generated day. */
  readonly dailyBaseCost: number;
  /** Compound growth per 30 days, e.g. 0.03 for +3 %. Default 0. */
  readonly monthlyGrowth?: number;
  /** Seven multipliers, Monday first. Default: flat. */
  readonly weeklyPattern?: readonly number[];
  /** Relative standard deviation of day-to-day noise. Default 0.05. */
  readonly noise?: number;
  /** Share of the daily cost per component (normalised to sum to 1). */
  readonly components: Readonly<Partial<Record<CostComponent, number>>>;
  /** Cloud the service runs in. Default: assigned from the generator's providers. */
  readonly provider?: SyntheticProvider;
}

export const DEFAULT_ENVIRONMENTS: readonly SyntheticEnvironment[] = [
  { name: 'development', scale: 0.14 },
  { name: 'staging', scale: 0.32 },
  { name: 'production', scale: 1 },
];

/** Interactive services: busier on working days. */
const OFFICE_WEEK = [1.04, 1.06, 1.06, 1.05, 1.0, 0.78, 0.74];
/** Batch work runs every day, a little less at weekends. */
const BATCH_WEEK = [1.0, 1.02, 1.02, 1.01, 1.0, 0.92, 0.9];

export const EXAMPLE_SERVICES: readonly SyntheticService[] = [
  {
    name: 'orchestrator-api',
    team: 'team-agents',
    dailyBaseCost: 78,
    monthlyGrowth: 0.03,
    weeklyPattern: OFFICE_WEEK,
    noise: 0.05,
    components: {
      'kubernetes-nodes': 0.55,
      'block-storage': 0.05,
      'nat-gateway': 0.09,
      'load-balancer': 0.09,
      'object-storage': 0.04,
      'data-transfer': 0.1,
      monitoring: 0.08,
    },
  },
  {
    name: 'task-runner',
    team: 'team-agents',
    dailyBaseCost: 62,
    monthlyGrowth: 0.05,
    weeklyPattern: BATCH_WEEK,
    noise: 0.08,
    components: {
      'kubernetes-nodes': 0.66,
      'block-storage': 0.06,
      'nat-gateway': 0.1,
      'load-balancer': 0.02,
      'object-storage': 0.08,
      'data-transfer': 0.03,
      monitoring: 0.05,
    },
  },
  {
    name: 'operator-console',
    team: 'team-experience',
    dailyBaseCost: 34,
    monthlyGrowth: 0.02,
    weeklyPattern: OFFICE_WEEK,
    noise: 0.04,
    components: {
      'kubernetes-nodes': 0.45,
      'block-storage': 0.03,
      'nat-gateway': 0.07,
      'load-balancer': 0.16,
      'object-storage': 0.08,
      'data-transfer': 0.14,
      monitoring: 0.07,
    },
  },
  {
    name: 'knowledge-store',
    team: 'team-experience',
    dailyBaseCost: 96,
    monthlyGrowth: 0.04,
    weeklyPattern: BATCH_WEEK,
    noise: 0.03,
    components: {
      'kubernetes-nodes': 0.22,
      'block-storage': 0.04,
      postgres: 0.38,
      cache: 0.16,
      'nat-gateway': 0.05,
      'load-balancer': 0.04,
      'object-storage': 0.05,
      'data-transfer': 0.03,
      monitoring: 0.03,
    },
  },
];
