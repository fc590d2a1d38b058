import type { Config } from '@backstage/config';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { readConfiguredRules } from './policy/rules';

/** The approvals plugin's settings, with the shipped defaults. */
export function readApprovalsConfig(config: Config) {
  const expiry = config.has('gatehouse.approvals.expiresAfter')
    ? readDurationFromConfig(config, {
        key: 'gatehouse.approvals.expiresAfter',
      })
    : { days: 7 };
  return {
    rules: readConfiguredRules(config),
    expiresAfterMs: durationToMilliseconds(expiry),
    // Memory for the answers of the read APIs on each replica; 0 turns it off.
    readCacheBytes: readCacheMegabytes(config) * 1024 * 1024,
    environmentMismatch: readEnvironmentMismatch(config),
  };
}

/**
 * What happens to a Terraform plan whose tags or identifiers belong to
 * another environment than the request's: `refuse` (the default) answers 400
 * naming the resources; `high-risk` accepts it as high risk with that reason.
 */
export type EnvironmentMismatchHandling = 'refuse' | 'high-risk';

function readEnvironmentMismatch(config: Config): EnvironmentMismatchHandling {
  const key = 'gatehouse.approvals.environmentMismatch';
  const value = config.getOptionalString(key) ?? 'refuse';
  if (value !== 'refuse' && value !== 'high-risk') {
    throw new Error(`${key} must be refuse or high-risk, not ${value}`);
  }
  return value;
}

function readCacheMegabytes(config: Config) {
  const key = 'gatehouse.approvals.readCache.megabytes';
  const megabytes = config.getOptionalNumber(key) ?? 32;
  if (!(megabytes >= 0)) {
    throw new Error(`${key} must be 0 (off) or more, not ${megabytes}`);
  }
  return megabytes;
}
