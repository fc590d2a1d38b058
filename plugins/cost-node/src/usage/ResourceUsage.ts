import type { UsageSource } from '@gatehouse/plugin-cost-common';
import { UsageDefault, usageDefaultFor } from './defaults';

/**
 * A usage quantity and where it came from. Values from the usage file have
 * `low === high === value`.
 */
export type UsageValue = {
  key: string;
  value: number;
  low: number;
  high: number;
  source: UsageSource;
};

const NO_USAGE: UsageDefault = { typical: 0, low: 0, high: 0 };

/** The usage values of one resource: from the usage file, else defaults. */
export class ResourceUsage {
  constructor(
    private readonly resourceType: string,
    private readonly entry: Record<string, unknown> | undefined,
  ) {}

  /** The raw value from the usage file (numbers or nested objects). */
  get(key: string): unknown {
    return this.entry?.[key];
  }

  /**
   * A numeric usage value. Falls back to `fallback`, then to the documented
   * default of the resource type, then to zero.
   */
  number(key: string, fallback?: UsageDefault): UsageValue {
    const provided = this.entry?.[key];
    if (typeof provided === 'number') {
      return {
        key,
        value: provided,
        low: provided,
        high: provided,
        source: 'usage-file',
      };
    }
    const defaults =
      fallback ?? usageDefaultFor(this.resourceType, key) ?? NO_USAGE;
    return {
      key,
      value: defaults.typical,
      low: defaults.low,
      high: defaults.high,
      source: 'default',
    };
  }
}
