import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ChangeRequestSummary } from '@gatehouse/plugin-approvals-common';
import type {
  ClusterHealth,
  DashboardBudget,
  DashboardChange,
  DashboardCostAlert,
  EnvironmentSection,
  SourceStatus,
  SreDashboard,
} from '@gatehouse/plugin-clusters-common';
import type { BudgetStatus, CostAlert } from '@gatehouse/plugin-cost-common';
import type { Changes, ChangesSource } from '../sources/ChangesSource';
import type { Spend, SpendSource } from '../sources/SpendSource';
import type { HealthService } from './HealthService';
import type { Directory, ServiceDirectory } from './ServiceDirectory';

/** "Recently approved" means within this many days. */
export const RECENT_DAYS = 7;
/** At most this many recently approved changes per environment. */
const RECENT_LISTED = 10;
/** Clusters without a catalog Resource that names their environment. */
export const UNASSIGNED = 'unassigned';
/** The order SREs read environments in; others follow alphabetically. */
const ENVIRONMENT_ORDER = ['production', 'staging', 'development'];

type Settled<T> = { ok: true; value: T } | { ok: false; message: string };

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    const e = error as Error & { cause?: { message?: string } };
    return { ok: false, message: e.cause?.message ?? e.message };
  }
}

const statusOf = (settled: Settled<unknown>): SourceStatus =>
  settled.ok ? { status: 'ok' } : { status: 'error', message: settled.message };

function environmentRank(name: string) {
  const known = ENVIRONMENT_ORDER.indexOf(name);
  if (known >= 0) return known;
  return name === UNASSIGNED
    ? Number.MAX_SAFE_INTEGER
    : ENVIRONMENT_ORDER.length;
}

/**
 * The section a change request is counted in: its environment's tier, which
 * the approvals plugin resolves from the catalog (a "prod" or "live"
 * environment of the production tier is a production change); the
 * environment's name only for requests stored before tiers were resolved.
 */
const sectionOf = (r: ChangeRequestSummary) => r.tier ?? r.environment;

const toChange = (r: ChangeRequestSummary): DashboardChange => ({
  id: r.id,
  title: r.title,
  entityRef: r.entityRef,
  environment: r.environment,
  status: r.status,
  riskLevel: r.riskLevel,
  costDelta: r.costDelta,
  submitter: r.submitter,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** The catalog entity a cost dimension's key names: a component or a group. */
function entityOfCostKey(
  dimension: string,
  key: string,
  directory: Directory,
): string | null {
  if (dimension === 'service') return directory.components.get(key) ?? null;
  if (dimension === 'team') return directory.groups.get(key) ?? null;
  return null;
}

const toBudget = (b: BudgetStatus, directory: Directory): DashboardBudget => ({
  dimension: b.dimension,
  key: b.key,
  entityRef: entityOfCostKey(b.dimension, b.key, directory),
  monthlyBudget: b.monthlyBudget,
  actualToDate: b.actualToDate,
  forecast: b.forecast,
  percentUsed: b.percentUsed,
  forecastPercent: b.forecastPercent,
  status: b.status,
});

const toAlert = (a: CostAlert, directory: Directory): DashboardCostAlert => ({
  id: a.id,
  kind: a.kind,
  dimension: a.dimension,
  key: a.key,
  entityRef: entityOfCostKey(a.dimension, a.key, directory),
  message: a.message,
  createdAt: a.createdAt,
});

/**
 * The SRE dashboard: workload health from the shared cluster snapshots, and
 * beside it, per environment, what is about to change (approvals), what was
 * just changed, and what it costs (cost). A source that fails is reported
 * as such; it never takes the rest down.
 */
export class DashboardService {
  constructor(
    private readonly deps: {
      health: HealthService;
      directory: ServiceDirectory;
      changes: ChangesSource;
      spend: SpendSource;
      now?: () => number;
    },
  ) {}

  async dashboard(
    credentials: BackstageCredentials,
    filter: { environment?: string } = {},
  ): Promise<SreDashboard> {
    const [clusters, directory, changes, spend] = await Promise.all([
      this.deps.health.clusters(),
      this.deps.directory.get(),
      settle(this.deps.changes.changes(credentials)),
      settle(this.deps.spend.spend(credentials)),
    ]);
    const now = this.deps.now?.() ?? Date.now();
    const environments = this.environmentNames(clusters, changes, spend)
      .filter(name => !filter.environment || name === filter.environment)
      .map(name =>
        this.section(name, { clusters, changes, spend, directory, now }),
      );
    const spendValue = spend.ok ? spend.value : null;
    return {
      generatedAt: new Date(now).toISOString(),
      recentDays: RECENT_DAYS,
      environments,
      acrossEnvironments: {
        budgets: (spendValue?.budgets ?? [])
          .filter(b => b.dimension !== 'environment')
          .map(b => toBudget(b, directory))
          .sort((a, b) => b.percentUsed - a.percentUsed),
        costAlerts: (spendValue?.alerts ?? [])
          .filter(a => a.dimension !== 'environment')
          .map(a => toAlert(a, directory)),
      },
      spendPeriod: spendValue
        ? { month: spendValue.month, asOf: spendValue.asOf }
        : null,
      sources: { approvals: statusOf(changes), cost: statusOf(spend) },
    };
  }

  /** Environments of the clusters, the changes and the environment budgets. */
  private environmentNames(
    clusters: ClusterHealth[],
    changes: Settled<Changes>,
    spend: Settled<Spend>,
  ): string[] {
    const names = new Set(clusters.map(c => c.environment ?? UNASSIGNED));
    if (changes.ok)
      for (const r of [...changes.value.open, ...changes.value.approved])
        names.add(sectionOf(r));
    if (spend.ok)
      for (const b of spend.value.budgets)
        if (b.dimension === 'environment') names.add(b.key);
    return [...names].sort(
      (a, b) => environmentRank(a) - environmentRank(b) || a.localeCompare(b),
    );
  }

  private section(
    name: string,
    data: {
      clusters: ClusterHealth[];
      changes: Settled<Changes>;
      spend: Settled<Spend>;
      directory: Directory;
      now: number;
    },
  ): EnvironmentSection {
    const { changes, spend, directory, now } = data;
    const recentSince = now - RECENT_DAYS * 86_400_000;
    const budget = spend.ok
      ? spend.value.budgets.find(
          b => b.dimension === 'environment' && b.key === name,
        )
      : undefined;
    return {
      name,
      clusters: data.clusters.filter(
        c => (c.environment ?? UNASSIGNED) === name,
      ),
      pendingChanges: changes.ok
        ? changes.value.open
            .filter(r => sectionOf(r) === name)
            .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
            .map(toChange)
        : [],
      recentlyApproved: changes.ok
        ? changes.value.approved
            .filter(
              r =>
                sectionOf(r) === name && Date.parse(r.updatedAt) >= recentSince,
            )
            .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
            .slice(0, RECENT_LISTED)
            .map(toChange)
        : [],
      spend: {
        monthToDate: spend.ok
          ? spend.value.byEnvironment.groups.find(g => g.key === name)?.cost ??
            0
          : null,
        budget: budget ? toBudget(budget, directory) : null,
      },
      costAlerts: spend.ok
        ? spend.value.alerts
            .filter(a => a.dimension === 'environment' && a.key === name)
            .map(a => toAlert(a, directory))
        : [],
    };
  }
}
