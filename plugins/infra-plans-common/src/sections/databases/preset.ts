/**
 * The database of a preset environment: PostgreSQL sized for the tier,
 * single-AZ in development and multi-AZ above, a read replica and 30 days of
 * backups in production.
 */
import type { Tier } from '../../schema';
import type { PresetContext } from '../shared/presetContext';
import type { Database } from './schema';

const DATABASE_SIZING: Record<
  Tier,
  {
    instanceClass: string;
    storage: string;
    maxStorage: string;
    multiAz: boolean;
    replicas: number;
    retention: string;
  }
> = {
  development: {
    instanceClass: 'db.t4g.micro',
    storage: '20Gi',
    maxStorage: '50Gi',
    multiAz: false,
    replicas: 0,
    retention: '1d',
  },
  staging: {
    instanceClass: 'db.t4g.medium',
    storage: '50Gi',
    maxStorage: '200Gi',
    multiAz: true,
    replicas: 0,
    retention: '7d',
  },
  production: {
    instanceClass: 'db.r6g.large',
    storage: '100Gi',
    maxStorage: '500Gi',
    multiAz: true,
    replicas: 1,
    retention: '30d',
  },
};

export function presetDatabase(ctx: PresetContext): Database {
  const { tier } = ctx;
  const db = DATABASE_SIZING[tier];
  return {
    name: 'main',
    engine: 'postgres',
    version: '15.4',
    instanceClass: db.instanceClass,
    storage: { allocated: db.storage, max: db.maxStorage, type: 'gp3' },
    multiAz: db.multiAz,
    ...(db.replicas ? { readReplicas: db.replicas } : {}),
    backup: {
      retention: db.retention,
      window: '03:00-04:00',
      pointInTimeRecovery: true,
    },
    maintenanceWindow: 'sun:04:00-sun:05:00',
    encrypted: true,
    deletionProtection: tier !== 'development',
  };
}
