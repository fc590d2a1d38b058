/** The buckets' parts of the generated documents. */
import type { DeploymentDataStore } from '../../documents/deploymentArchitecturePlan';
import { table, yesNo } from '../../documents/markdown';
import type { EnvironmentPlan } from '../../schema';
import { UNSET_STORE_FIELDS, dataStoreUsers } from '../dataStores/document';

/** `Infrastructure_Requirements.md`: the object storage table. */
export function bucketsRequirements(env: EnvironmentPlan): string {
  return [
    '#### Object storage\n\n',
    table(
      ['Bucket', 'Versioning', 'Encryption', 'Lifecycle', 'Replication'],
      (env.data?.objectStorage ?? []).map(b => [
        b.name,
        yesNo(b.versioning),
        b.encryption,
        (b.lifecycle ?? [])
          .map(r =>
            [
              ...(r.transitions ?? []).map(
                t => `${t.storageClass} after ${t.after}`,
              ),
              r.expiration ? `expire after ${r.expiration}` : '',
            ]
              .filter(Boolean)
              .join(', '),
          )
          .join('; '),
        b.replication?.region,
      ]),
    ),
  ].join('');
}

/** `Deployment_Architecture_Plan.json`: the buckets among the `dataStores`. */
export function bucketDeploymentStores(
  env: EnvironmentPlan,
): DeploymentDataStore[] {
  return (env.data?.objectStorage ?? []).map(b => ({
    ...UNSET_STORE_FIELDS,
    kind: 'objectStorage' as const,
    name: b.name,
    terraformResource: 'aws_s3_bucket',
    engine: 's3',
    encrypted: b.encryption !== 'none',
    usedBy: dataStoreUsers(env, b.name),
  }));
}

/** `Scalability_Architecture_Design.md`: how each bucket scales (rows of the data tier table). */
export function bucketScalingRows(env: EnvironmentPlan): unknown[][] {
  return (env.data?.objectStorage ?? []).map(b => [
    `bucket ${b.name}`,
    'S3',
    'scales automatically',
    (b.lifecycle ?? [])
      .flatMap(r =>
        (r.transitions ?? []).map(t => `${t.storageClass} after ${t.after}`),
      )
      .join(', '),
  ]);
}
