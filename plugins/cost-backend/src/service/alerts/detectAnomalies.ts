import { addDays } from '../../store/dayRanges';

export type AnomalySettings = {
  /** How many standard deviations above the trailing mean count as an anomaly. */
  standardDeviations: number;
  /** The trailing window the mean and deviation come from. */
  trailingDays: number;
  /** Spend must also rise by at least this much, so cents never page anyone. */
  minimumIncrease: number;
};

export const DEFAULT_ANOMALY_SETTINGS: AnomalySettings = {
  standardDeviations: 3,
  trailingDays: 30,
  minimumIncrease: 10,
};

export type Anomaly = {
  day: string;
  cost: number;
  mean: number;
  standardDeviation: number;
};

/**
 * Days among `checkDays` whose spend is more than k standard deviations above
 * the mean of the `trailingDays` before them. Days without a record count as
 * zero spend; a window with less than half its days recorded is too young to
 * judge and is skipped.
 */
export function detectAnomalies(
  daily: Map<string, number>,
  checkDays: string[],
  settings: AnomalySettings = DEFAULT_ANOMALY_SETTINGS,
): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const day of checkDays) {
    const cost = daily.get(day);
    if (cost === undefined) continue;
    const window: number[] = [];
    let recorded = 0;
    for (let i = 1; i <= settings.trailingDays; i++) {
      const value = daily.get(addDays(day, -i));
      if (value !== undefined) recorded += 1;
      window.push(value ?? 0);
    }
    if (recorded < settings.trailingDays / 2) continue;
    const mean = window.reduce((s, v) => s + v, 0) / window.length;
    const variance =
      window.reduce((s, v) => s + (v - mean) ** 2, 0) / window.length;
    const standardDeviation = Math.sqrt(variance);
    if (
      cost > mean + settings.standardDeviations * standardDeviation &&
      cost - mean >= settings.minimumIncrease
    ) {
      anomalies.push({ day, cost, mean, standardDeviation });
    }
  }
  return anomalies;
}
