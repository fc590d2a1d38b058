/**
 * Databases (`data.databases`): RDS and Aurora (`aws_db_instance`,
 * `aws_rds_cluster`).
 */
import { z } from 'zod';
import {
  dnsName,
  duration,
  memoryQuantity,
  port,
  timeWindow,
  version,
  weeklyWindow,
} from '../shared/schemaPrimitives';

/** @public */
export const databaseSchema = z
  .object({
    name: dnsName,
    engine: z.enum([
      'postgres',
      'mysql',
      'mariadb',
      'aurora-postgresql',
      'aurora-mysql',
    ]),
    version,
    instanceClass: z
      .string()
      .regex(
        /^db\.[a-z0-9]+\.[a-z0-9]+$/,
        'write an RDS class such as db.r6g.large',
      ),
    storage: z
      .object({
        allocated: memoryQuantity,
        max: memoryQuantity.optional(),
        type: z.enum(['gp2', 'gp3', 'io1', 'io2']).optional(),
        iops: z.number().int().positive().optional(),
      })
      .strict(),
    multiAz: z.boolean(),
    readReplicas: z.number().int().nonnegative().optional(),
    backup: z
      .object({
        retention: duration,
        /** Daily automated backup window, UTC. */
        window: timeWindow.optional(),
        /** Continuous backup of transaction logs (restore to any second). */
        pointInTimeRecovery: z.boolean().optional(),
        /** Snapshot cadence beyond the daily automated backup (e.g. AWS Backup `1h`). */
        frequency: duration.optional(),
      })
      .strict()
      .optional(),
    maintenanceWindow: weeklyWindow.optional(),
    encrypted: z.boolean().optional(),
    deletionProtection: z.boolean().optional(),
    port: port.optional(),
  })
  .strict();

/** @public */
export type Database = z.infer<typeof databaseSchema>;
