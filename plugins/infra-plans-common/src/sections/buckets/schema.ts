/**
 * Object storage (`data.objectStorage`): S3 buckets (`aws_s3_bucket`).
 */
import { z } from 'zod';
import { dnsName, duration, resourceName } from '../shared/schemaPrimitives';

const storageClass = z.enum([
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER_IR',
  'GLACIER',
  'DEEP_ARCHIVE',
]);

/** @public */
export const bucketSchema = z
  .object({
    name: dnsName,
    versioning: z.boolean(),
    encryption: z.enum(['aes256', 'kms', 'none']),
    publicAccess: z.boolean().optional(),
    lifecycle: z
      .array(
        z
          .object({
            name: resourceName.optional(),
            prefix: z.string().optional(),
            transitions: z
              .array(z.object({ after: duration, storageClass }).strict())
              .optional(),
            expiration: duration.optional(),
            noncurrentExpiration: duration.optional(),
          })
          .strict(),
      )
      .optional(),
    replication: z
      .object({ region: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();

/** @public */
export type Bucket = z.infer<typeof bucketSchema>;
