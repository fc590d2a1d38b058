import type { Config } from '@backstage/config';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { readConfiguredRules } from './policy/rules';

/** The approvals plugin's settings, with the shipped defaults. */
export function readApprovalSettings(config: Config) {
  const expiry = config.has('gatehouse.approvals.expiresAfter')
    ? readDurationFromConfig(config, {
        key: 'gatehouse.approvals.expiresAfter',
      })
    : { days: 7 };
  return {
    rules: readConfiguredRules(config),
    expiresAfterMs: durationToMilliseconds(expiry),
  };
}
