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
    delivery: readDeliveryConfig(config),
  };
}

/** The forges (and plain git servers) whose webhooks may be configured. */
export const WEBHOOK_FORGES = ['github', 'gitlab', 'gitea', 'git'] as const;
export type WebhookForge = (typeof WEBHOOK_FORGES)[number];

/**
 * How approved changes are followed after approval: how often the
 * environment repositories' branches are read, where fetched remotes are
 * kept, who hears of unapproved changes, and the webhook secrets.
 */
function readDeliveryConfig(config: Config) {
  const key = 'gatehouse.delivery';
  const interval = config.has(`${key}.pollInterval`)
    ? readDurationFromConfig(config, { key: `${key}.pollInterval` })
    : { seconds: 60 };
  const secrets: Partial<Record<WebhookForge, string>> = {};
  for (const forge of WEBHOOK_FORGES) {
    const secret = config.getOptionalString(`${key}.webhooks.${forge}.secret`);
    if (secret) secrets[forge] = secret;
  }
  return {
    pollIntervalMs: durationToMilliseconds(interval),
    /** Default: a folder beside the local repositories, else under the working directory. */
    cacheDirectory:
      config.getOptionalString(`${key}.cacheDirectory`) ??
      (config.getOptionalString(
        'gatehouse.environments.localPublisher.directory',
      )
        ? `${config.getString(
            'gatehouse.environments.localPublisher.directory',
          )}/../delivery-cache`
        : 'delivery-cache'),
    localDirectory: config.getOptionalString(
      'gatehouse.environments.localPublisher.directory',
    ),
    alertGroups: config.getOptionalStringArray(`${key}.alertGroups`) ?? [
      'group:default/platform-approvers',
    ],
    webhookSecrets: secrets,
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
