/**
 * The `disasterRecovery` section: recovery objectives (RPO, RTO), the
 * strategy, the DR region, backups, replication and how often it is tested.
 */
import { z } from 'zod';
import { duration } from '../shared/schemaPrimitives';

/** @public */
export const disasterRecoverySchema = z
  .object({
    rpo: duration,
    rto: duration,
    strategy: z.enum([
      'backup-restore',
      'pilot-light',
      'warm-standby',
      'active-active',
    ]),
    drRegion: z.string().min(1).optional(),
    backups: z
      .object({
        frequency: duration.optional(),
        retention: duration.optional(),
        crossRegionCopy: z.boolean().optional(),
      })
      .strict()
      .optional(),
    replication: z
      .object({
        database: z
          .enum([
            'none',
            'snapshot-copy',
            'cross-region-read-replica',
            'global-database',
          ])
          .optional(),
        objectStorage: z.boolean().optional(),
      })
      .strict()
      .optional(),
    testCadence: z.enum(['monthly', 'quarterly', 'semiannual', 'annual']),
    runbook: z.string().optional(),
  })
  .strict();

/** @public */
export type DisasterRecoveryPlan = z.infer<typeof disasterRecoverySchema>;
