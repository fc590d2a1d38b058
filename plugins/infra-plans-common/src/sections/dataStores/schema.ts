/**
 * The `data` section: every data store of an environment, by kind. Each
 * kind has its own section (databases, caches, buckets, queues); their names
 * share one namespace because workloads refer to them with `uses`.
 */
import { z } from 'zod';
import { bucketSchema } from '../buckets/schema';
import { cacheSchema } from '../caches/schema';
import { databaseSchema } from '../databases/schema';
import { queueSchema } from '../queues/schema';

/** @public */
export const dataSchema = z
  .object({
    databases: z.array(databaseSchema).optional(),
    caches: z.array(cacheSchema).optional(),
    objectStorage: z.array(bucketSchema).optional(),
    queues: z.array(queueSchema).optional(),
  })
  .strict();

/** @public */
export type DataPlan = z.infer<typeof dataSchema>;

/** The kinds of data store, as keys of the `data` section, in the order they are listed. */
export const DATA_STORE_KINDS = [
  'databases',
  'caches',
  'objectStorage',
  'queues',
] as const;
