import type { Alert } from '../schema';
import { requirementLevel } from '../tiers';
import { formatDuration, parseDuration, parsePercent } from '../units';
import { EnvContext, checkUniqueNames, requireForTier } from './context';

const PERCENT_SIGNALS = new Set([
  'error-rate',
  'availability',
  'cpu',
  'memory',
  'disk',
]);
const DURATION_SIGNALS = new Set([
  'latency-p95',
  'latency-p99',
  'queue-age',
  'replication-lag',
]);

/** Automated RDS backups run once a day. */
const DAY = 86400;
/** Point-in-time recovery restores to within about five minutes. */
const PITR_INTERVAL = 300;

/** Region, delivery, observability, DR, security, SLO and budget rules. */
export function checkOperations(ctx: EnvContext): void {
  const { env, plan } = ctx;
  if (!plan.spec.regions.includes(env.region)) {
    ctx.sink.error(
      'region-listed',
      ['region'],
      `region ${
        env.region
      } is not listed in spec.regions (${plan.spec.regions.join(', ')})`,
      `add ${env.region} to spec.regions or fix the environment's region`,
    );
  }
  checkDelivery(ctx);
  checkObservability(ctx);
  checkDisasterRecovery(ctx);
  checkSecurity(ctx);
  checkSlos(ctx);
  if (!env.budget) {
    requireForTier(
      ctx,
      'budget',
      ['budget'],
      'no monthly budget',
      'add budget: { monthlyUsd: 1500, alertThresholds: [80, 100] }',
    );
  }
}

function checkDelivery(ctx: EnvContext): void {
  const delivery = ctx.env.delivery;
  if (!delivery || !delivery.rollback) {
    requireForTier(
      ctx,
      'delivery',
      delivery ? ['delivery', 'rollback'] : ['delivery'],
      delivery
        ? 'the delivery section has no rollback procedure'
        : 'no delivery section',
      'add delivery: { strategy: rolling, rollback: { automatic: true, procedure: "…" } }',
    );
  }
  if (!delivery) return;
  const sink = ctx.sink.at('delivery');
  const configs = {
    rolling: 'rolling',
    'blue-green': 'blueGreen',
    canary: 'canary',
  } as const;
  for (const [strategy, key] of Object.entries(configs)) {
    if (delivery[key] && delivery.strategy !== strategy) {
      sink.warning(
        'delivery-config',
        [key],
        `${key} settings are ignored: the strategy is ${delivery.strategy}`,
        `remove ${key} or set strategy: ${strategy}`,
      );
    }
  }
  if (delivery.strategy === 'canary') {
    if (!delivery.canary) {
      sink.error(
        'delivery-config',
        ['strategy'],
        'a canary strategy needs canary.steps',
        'add canary: { steps: [{ weight: 10, pause: 5m }, { weight: 50, pause: 10m }] }',
      );
    } else {
      let previous = 0;
      delivery.canary.steps.forEach((step, index) => {
        if (step.weight < 1 || step.weight > 100) {
          sink.error(
            'canary-steps',
            ['canary', 'steps', index, 'weight'],
            `canary weight ${step.weight} is outside 1–100`,
            'weights are the percentage of traffic sent to the new version',
          );
        } else if (step.weight <= previous) {
          sink.error(
            'canary-steps',
            ['canary', 'steps', index, 'weight'],
            `canary weight ${step.weight} does not increase (previous step: ${previous})`,
            'list steps with strictly increasing weights, e.g. 10, 25, 50',
          );
        }
        previous = Math.max(previous, step.weight);
      });
    }
  }
  if (
    delivery.rolling &&
    delivery.rolling.maxSurge === 0 &&
    delivery.rolling.maxUnavailable === 0
  ) {
    sink.error(
      'delivery-config',
      ['rolling'],
      'maxSurge and maxUnavailable are both 0, so a rollout can never progress',
      'use maxSurge: 1 and maxUnavailable: 0 for zero-downtime rollouts',
    );
  }
}

function thresholdProblem(alert: Alert): string | undefined {
  const { signal, threshold } = alert;
  if (PERCENT_SIGNALS.has(signal)) {
    const value = parsePercent(threshold);
    return value === undefined || value < 0 || value > 100
      ? `${signal} threshold ${threshold} is not a percentage in 0–100`
      : undefined;
  }
  if (DURATION_SIGNALS.has(signal)) {
    return typeof threshold !== 'string' ||
      parseDuration(threshold) === undefined
      ? `${signal} threshold ${threshold} is not a duration (such as 300ms or 5m)`
      : undefined;
  }
  if (signal === 'queue-depth') {
    return typeof threshold !== 'number' || threshold <= 0
      ? `queue-depth threshold ${threshold} is not a positive message count`
      : undefined;
  }
  return alert.expr
    ? undefined
    : 'a custom alert needs expr (the query it evaluates)';
}

function thresholdHint(alert: Alert): string {
  if (alert.signal === 'custom')
    return 'add expr: the PromQL or CloudWatch query the alert evaluates';
  if (PERCENT_SIGNALS.has(alert.signal))
    return 'write a percentage such as 5 or "5%"';
  if (DURATION_SIGNALS.has(alert.signal))
    return 'write a duration such as 300ms, 2s or 5m';
  return 'write a positive number';
}

function checkObservability(ctx: EnvContext): void {
  const obs = ctx.env.observability;
  if (!obs?.metrics || !obs?.logs) {
    const missing = [
      obs?.metrics ? '' : 'metrics',
      obs?.logs ? '' : 'logs',
    ].filter(Boolean);
    requireForTier(
      ctx,
      'observability',
      obs ? ['observability'] : ['observability'],
      `no ${missing.join(' or ')} collection`,
      'add observability.metrics (e.g. prometheus, 15s) and observability.logs (e.g. cloudwatch, 30d)',
    );
  }
  const alerts = obs?.alerts ?? [];
  if (alerts.length === 0 || !alerts.some(a => a.severity === 'critical')) {
    requireForTier(
      ctx,
      'alerts',
      obs?.alerts ? ['observability', 'alerts'] : ['observability'],
      alerts.length === 0 ? 'no alerts' : 'no critical alert',
      'add alerts for error rate, p95 latency and saturation, with at least one of severity critical',
    );
  }
  if (!obs) return;
  const sink = ctx.sink.at('observability', 'alerts');
  checkUniqueNames(sink, [], alerts, 'alert');
  const workloads = new Set(ctx.env.workloads.map(w => w.name));
  const slos = ctx.env.slos;
  alerts.forEach((alert, index) => {
    const problem = thresholdProblem(alert);
    if (problem) {
      sink.error(
        'alert-threshold',
        [
          index,
          alert.signal === 'custom' && !alert.expr ? 'expr' : 'threshold',
        ],
        `alert ${alert.name}: ${problem}`,
        thresholdHint(alert),
      );
      return;
    }
    if (alert.workload && !workloads.has(alert.workload)) {
      sink.error(
        'workload-references',
        [index, 'workload'],
        `alert ${alert.name} watches workload ${alert.workload}, which is not defined`,
        `use one of: ${[...workloads].join(', ')}`,
      );
    }
    if (!slos) return;
    if (alert.signal === 'latency-p95' && (alert.when ?? 'above') === 'above') {
      const threshold = parseDuration(String(alert.threshold)) ?? 0;
      const objective = parseDuration(slos.latencyP95) ?? 0;
      if (threshold > objective) {
        sink.warning(
          'alert-vs-slo',
          [index, 'threshold'],
          `alert ${alert.name} fires at p95 ${alert.threshold}, looser than the SLO of ${slos.latencyP95}`,
          `alert at or below ${slos.latencyP95} so the SLO breach is noticed`,
        );
      }
    }
  });
}

function checkDisasterRecovery(ctx: EnvContext): void {
  const dr = ctx.env.disasterRecovery;
  if (!dr) {
    requireForTier(
      ctx,
      'disaster-recovery',
      ['disasterRecovery'],
      'no disaster recovery section',
      'add disasterRecovery with rpo, rto, strategy and testCadence (e.g. rpo: 1h, rto: 4h, warm-standby, quarterly)',
    );
    return;
  }
  const sink = ctx.sink.at('disasterRecovery');
  const rpo = parseDuration(dr.rpo) ?? 0;
  const rto = parseDuration(dr.rto) ?? 0;

  // Backups at least as frequent as the RPO.
  const backupsRequired =
    requirementLevel('database-backups', ctx.tier) === 'required';
  (ctx.env.data?.databases ?? []).forEach((db, index) => {
    const path = ['data', 'databases', index, 'backup'];
    if (!db.backup) {
      if (!backupsRequired) {
        ctx.sink.error(
          'backup-vs-rpo',
          ['data', 'databases', index],
          `database ${db.name} has no backups, so the RPO of ${dr.rpo} cannot be met`,
          `add backup with pointInTimeRecovery: true, or backups at least every ${dr.rpo}`,
        );
      }
      return;
    }
    let interval = DAY;
    if (db.backup.pointInTimeRecovery) interval = PITR_INTERVAL;
    else if (db.backup.frequency)
      interval = parseDuration(db.backup.frequency) ?? DAY;
    if (interval > rpo) {
      const how = db.backup.frequency
        ? `every ${db.backup.frequency}`
        : 'once a day (automated backup)';
      ctx.sink.error(
        'backup-vs-rpo',
        db.backup.frequency ? [...path, 'frequency'] : path,
        `database ${db.name} is backed up ${how}, which cannot meet the RPO of ${dr.rpo}`,
        `an RPO of ${
          dr.rpo
        } needs point-in-time recovery (backup.pointInTimeRecovery: true) or backups at least every ${formatDuration(
          rpo,
        )} (backup.frequency: ${formatDuration(rpo)})`,
      );
    }
  });
  if (dr.backups?.frequency) {
    const frequency = parseDuration(dr.backups.frequency) ?? 0;
    if (frequency > rpo) {
      sink.error(
        'backup-vs-rpo',
        ['backups', 'frequency'],
        `backups run every ${dr.backups.frequency}, less often than the RPO of ${dr.rpo}`,
        `back up at least every ${dr.rpo}, or relax the RPO`,
      );
    }
  }

  // DR region.
  const needsRegion =
    dr.strategy !== 'backup-restore' ||
    (dr.replication?.database ?? 'none') !== 'none' ||
    dr.replication?.objectStorage ||
    dr.backups?.crossRegionCopy;
  if (dr.drRegion === ctx.env.region) {
    sink.error(
      'dr-region',
      ['drRegion'],
      `the DR region is the environment's own region ${ctx.env.region}`,
      'recover into another region, e.g. us-west-2 for us-east-1',
    );
  } else if (!dr.drRegion && needsRegion) {
    sink.error(
      'dr-region',
      ['strategy'],
      `${
        dr.strategy === 'backup-restore'
          ? 'cross-region replication'
          : `a ${dr.strategy} strategy`
      } needs a DR region`,
      'set disasterRecovery.drRegion, e.g. us-west-2',
    );
  } else if (dr.drRegion && !ctx.plan.spec.regions.includes(dr.drRegion)) {
    sink.warning(
      'region-listed',
      ['drRegion'],
      `DR region ${dr.drRegion} is not listed in spec.regions`,
      `add ${dr.drRegion} to spec.regions so its infrastructure is planned`,
    );
  }
  if (dr.replication?.objectStorage) {
    (ctx.env.data?.objectStorage ?? []).forEach((bucket, index) => {
      if (!bucket.replication) {
        ctx.sink.warning(
          'dr-replication',
          ['data', 'objectStorage', index, 'replication'],
          `disaster recovery replicates object storage, but bucket ${bucket.name} has no replication`,
          `add replication: { region: ${
            dr.drRegion ?? 'us-west-2'
          } } (and versioning: true)`,
        );
      }
    });
  }

  // Testing and feasibility.
  if (
    ctx.tier === 'production' &&
    (dr.testCadence === 'semiannual' || dr.testCadence === 'annual')
  ) {
    sink.error(
      'dr-test-cadence',
      ['testCadence'],
      `DR is tested ${dr.testCadence}; production DR procedures must be tested at least quarterly`,
      'set testCadence: quarterly (or monthly) and record each test',
    );
  }
  if (dr.strategy === 'backup-restore' && rto < 3600) {
    sink.warning(
      'rto-feasibility',
      ['rto'],
      `an RTO of ${dr.rto} is unlikely with backup and restore (rebuilding and restoring takes hours)`,
      'use pilot-light or warm-standby, or relax the RTO',
    );
  }
}

function checkSecurity(ctx: EnvContext): void {
  const security = ctx.env.security;
  const encryption = security?.encryption;
  if (
    !encryption ||
    !encryption.atRest.enabled ||
    !encryption.inTransit.enabled
  ) {
    const off = !encryption
      ? 'encryption is not specified'
      : `encryption ${[
          encryption.atRest.enabled ? '' : 'at rest',
          encryption.inTransit.enabled ? '' : 'in transit',
        ]
          .filter(Boolean)
          .join(' and ')} is disabled`;
    requireForTier(
      ctx,
      'encryption',
      encryption ? ['security', 'encryption'] : ['security'],
      off,
      'set security.encryption: { atRest: { enabled: true }, inTransit: { enabled: true, minTlsVersion: "1.2" } }',
    );
  }
  const tls = encryption?.inTransit.minTlsVersion;
  if (tls === '1.0' || tls === '1.1') {
    ctx.sink.error(
      'tls-version',
      ['security', 'encryption', 'inTransit', 'minTlsVersion'],
      `TLS ${tls} is deprecated (RFC 8996)`,
      'require TLS 1.2 or 1.3',
    );
  }
  if (!security?.secrets) {
    requireForTier(
      ctx,
      'secrets',
      ['security'],
      'no secrets manager',
      'add security.secrets: { manager: aws-secrets-manager, rotation: 30d }',
    );
  }
  const waf = security?.waf;
  if (waf) {
    const sink = ctx.sink.at('security', 'waf', 'rules');
    const rules = waf.rules ?? [];
    checkUniqueNames(sink, [], rules, 'WAF rule');
    checkUniqueNames(
      sink,
      [],
      rules,
      'WAF rule priority',
      r => String(r.priority),
      'priority',
    );
    rules.forEach((rule, index) => {
      if (
        rule.type === 'rate-limit' &&
        (rule.limit === undefined || rule.limit < 10)
      ) {
        sink.error(
          'waf-rules',
          [index, 'limit'],
          `WAF rule ${rule.name} is a rate limit without a limit of at least 10 requests per 5 minutes`,
          'set limit, e.g. 2000 requests per 5 minutes per IP',
        );
      }
      if (rule.type === 'managed' && !rule.managedRuleGroup) {
        sink.error(
          'waf-rules',
          [index],
          `WAF rule ${rule.name} is a managed rule without managedRuleGroup`,
          'set managedRuleGroup, e.g. AWSManagedRulesCommonRuleSet or AWSManagedRulesSQLiRuleSet',
        );
      }
    });
  }
}

function checkSlos(ctx: EnvContext): void {
  const slos = ctx.env.slos;
  if (!slos) {
    requireForTier(
      ctx,
      'slos',
      ['slos'],
      'no service level objectives',
      'add slos: { availability: 99.9, latencyP95: 200ms, throughputRps: 500 }',
    );
    return;
  }
  const sink = ctx.sink.at('slos');
  if (!(slos.availability > 0 && slos.availability < 100)) {
    sink.error(
      'slo-ranges',
      ['availability'],
      `availability ${slos.availability}% is not an objective between 0 and 100 (exclusive)`,
      slos.availability >= 100
        ? '100% leaves no error budget; use 99.9 or 99.95'
        : 'write the percentage, e.g. 99.9',
    );
  }
  if (
    slos.errorRate !== undefined &&
    !(slos.errorRate >= 0 && slos.errorRate <= 100)
  ) {
    sink.error(
      'slo-ranges',
      ['errorRate'],
      `error rate ${slos.errorRate}% is not a percentage`,
      'write the percentage of failed requests, e.g. 0.1',
    );
  }
  if (slos.latencyP99) {
    const p95 = parseDuration(slos.latencyP95) ?? 0;
    const p99 = parseDuration(slos.latencyP99) ?? 0;
    if (p99 < p95) {
      sink.error(
        'slo-ranges',
        ['latencyP99'],
        `p99 latency ${slos.latencyP99} is below the p95 latency ${slos.latencyP95}`,
        'the 99th percentile is never faster than the 95th',
      );
    }
  }
}
