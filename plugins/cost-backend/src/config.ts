import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  AccuracySettings,
  DEFAULT_ACCURACY_SETTINGS,
} from './service/accuracy/AccuracyService';
import { DEFAULT_ATTRIBUTION_TAG_KEYS, type AttributionTagKeys } from './focus';
import type { AlertSettings } from './service/alerts/AlertEvaluator';
import { DEFAULT_ANOMALY_SETTINGS } from './service/alerts/detectAnomalies';
import type { OpenCostCluster } from './service/opencost/OpenCostClient';

/** The cost plugin's settings from app-config, with the documented defaults. */
export type CostSettings = {
  locations: string[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  tagKeys: AttributionTagKeys;
  alerts: AlertSettings;
  notify: string[];
  openCostClusters: OpenCostCluster[];
  pricingFile?: string;
  accuracy: AccuracySettings;
};

const DAY_MS = 86_400_000;

/**
 * gatehouse.cost.accuracy: `settleAfter` is a duration ('7d', 'P7D' or
 * { days: 7 }) counted in whole days of billing data.
 */
function readAccuracySettings(accuracy: Config | undefined): AccuracySettings {
  const settleAfterDays = accuracy?.has('settleAfter')
    ? Math.max(
        1,
        Math.ceil(
          durationToMilliseconds(
            readDurationFromConfig(accuracy, { key: 'settleAfter' }),
          ) / DAY_MS,
        ),
      )
    : DEFAULT_ACCURACY_SETTINGS.settleAfterDays;
  const windowDays =
    accuracy?.getOptionalNumber('windowDays') ??
    Math.max(DEFAULT_ACCURACY_SETTINGS.windowDays, settleAfterDays);
  if (!Number.isInteger(windowDays) || windowDays < settleAfterDays) {
    throw new Error(
      `gatehouse.cost.accuracy.windowDays (${windowDays}) must be a whole number of days, at least the ${settleAfterDays} days of settleAfter`,
    );
  }
  return { settleAfterDays, windowDays };
}

/** `gatehouse.cost` (see config.d.ts). */
export function readCostConfig(config: Config): CostSettings {
  const cost = config.getOptionalConfig('gatehouse.cost');
  const tagKeys = cost?.getOptionalConfig('attribution.tagKeys');
  const anomaly = cost?.getOptionalConfig('alerts.anomaly');
  const schedule = cost?.getOptionalConfig('ingestion.schedule');
  return {
    locations: cost?.getOptionalStringArray('ingestion.locations') ?? [],
    schedule: {
      frequency: (schedule?.getOptional('frequency') as any) ?? { hours: 6 },
      timeout: (schedule?.getOptional('timeout') as any) ?? { minutes: 30 },
      initialDelay: { seconds: 15 },
    },
    tagKeys: {
      service:
        tagKeys?.getOptionalStringArray('service') ??
        DEFAULT_ATTRIBUTION_TAG_KEYS.service,
      team:
        tagKeys?.getOptionalStringArray('team') ??
        DEFAULT_ATTRIBUTION_TAG_KEYS.team,
      environment:
        tagKeys?.getOptionalStringArray('environment') ??
        DEFAULT_ATTRIBUTION_TAG_KEYS.environment,
    },
    alerts: {
      thresholds: cost?.getOptional<number[]>('alerts.thresholds') ?? [
        1000, 5000, 10000,
      ],
      budgetPercentages: cost?.getOptional<number[]>(
        'alerts.budgetPercentages',
      ) ?? [80, 100],
      anomaly: {
        standardDeviations:
          anomaly?.getOptionalNumber('standardDeviations') ??
          DEFAULT_ANOMALY_SETTINGS.standardDeviations,
        trailingDays:
          anomaly?.getOptionalNumber('trailingDays') ??
          DEFAULT_ANOMALY_SETTINGS.trailingDays,
        minimumIncrease:
          anomaly?.getOptionalNumber('minimumIncrease') ??
          DEFAULT_ANOMALY_SETTINGS.minimumIncrease,
      },
      anomalyCheckDays: 7,
    },
    notify: cost?.getOptionalStringArray('alerts.notify') ?? [
      'group:default/finops',
    ],
    openCostClusters: (
      cost?.getOptionalConfigArray('opencost.clusters') ?? []
    ).map(c => ({
      name: c.getString('name'),
      url: c.getString('url'),
    })),
    pricingFile: cost?.getOptionalString('pricingFile'),
    accuracy: readAccuracySettings(cost?.getOptionalConfig('accuracy')),
  };
}
