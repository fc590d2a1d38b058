/**
 * Bucket rules: replication (versioned, into another region), lifecycle
 * transitions S3 accepts, public access and encryption.
 */
import { parseDuration } from '../../units';
import type { EnvContext } from '../shared/ruleContext';

const DAY = 86400;

/** Every bucket rule of one environment. */
export function checkBuckets(ctx: EnvContext): void {
  const data = ctx.env.data;
  if (!data) return;
  const sink = ctx.sink.at('data');
  const atRest = ctx.env.security?.encryption?.atRest?.enabled;

  (data.objectStorage ?? []).forEach((bucket, index) => {
    const at = (...s: (string | number)[]) => ['objectStorage', index, ...s];
    if (bucket.replication) {
      if (!bucket.versioning) {
        sink.error(
          'bucket-replication',
          at('versioning'),
          `bucket ${bucket.name} replicates to ${bucket.replication.region} without versioning`,
          'S3 replication requires versioning: true',
        );
      }
      if (bucket.replication.region === ctx.env.region) {
        sink.error(
          'bucket-replication',
          at('replication', 'region'),
          `bucket ${bucket.name} replicates into its own region ${ctx.env.region}`,
          'replicate to the DR region, e.g. us-west-2',
        );
      }
    }
    (bucket.lifecycle ?? []).forEach((rule, ri) => {
      let previous = 0;
      (rule.transitions ?? []).forEach((t, ti) => {
        const seconds = parseDuration(t.after) ?? 0;
        if (
          (t.storageClass === 'STANDARD_IA' ||
            t.storageClass === 'ONEZONE_IA') &&
          seconds < 30 * DAY
        ) {
          sink.error(
            'bucket-lifecycle',
            at('lifecycle', ri, 'transitions', ti, 'after'),
            `bucket ${bucket.name}: transition to ${t.storageClass} after ${t.after}; S3 requires at least 30 days`,
            'transition to an infrequent-access class after 30d or more',
          );
        }
        if (seconds <= previous) {
          sink.error(
            'bucket-lifecycle',
            at('lifecycle', ri, 'transitions', ti, 'after'),
            `bucket ${bucket.name}: transitions are not in increasing order of age (${t.after})`,
            'list transitions from the youngest to the oldest age',
          );
        }
        previous = Math.max(previous, seconds);
      });
      if (
        rule.expiration &&
        (parseDuration(rule.expiration) ?? 0) <= previous
      ) {
        sink.error(
          'bucket-lifecycle',
          at('lifecycle', ri, 'expiration'),
          `bucket ${bucket.name}: objects expire after ${rule.expiration}, before their last transition`,
          'expire objects after the last transition age',
        );
      }
    });
    if (bucket.publicAccess && ctx.tier !== 'development') {
      sink.warning(
        'bucket-public',
        at('publicAccess'),
        `bucket ${bucket.name} allows public access in ${ctx.tier}`,
        'serve public content through CloudFront with an origin access control instead',
      );
    }
    if (atRest && bucket.encryption === 'none') {
      sink.error(
        'encryption-consistency',
        at('encryption'),
        `bucket ${bucket.name} is unencrypted although security.encryption.atRest is enabled`,
        'set encryption: aes256 or kms',
      );
    }
  });
}
