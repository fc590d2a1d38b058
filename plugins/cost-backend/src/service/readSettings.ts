import type {
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  DEFAULT_ATTRIBUTION_TAG_KEYS,
  type AttributionTagKeys,
} from '../focus';
import type { AlertSettings } from './alerts/AlertEvaluator';
import { DEFAULT_ANOMALY_SETTINGS } from './alerts/detectAnomalies';
import type { OpenCostCluster } from './opencost/OpenCostClient';

/** The cost plugin's settings from app-config, with the documented defaults. */
export type CostSettings = {
  locations: string[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  tagKeys: AttributionTagKeys;
  alerts: AlertSettings;
  notify: string[];
  openCostClusters: OpenCostCluster[];
  pricingFile?: string;
};

export function readSettings(config: RootConfigService): CostSettings {
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
  };
}
