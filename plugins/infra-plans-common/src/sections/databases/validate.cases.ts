import { P, RuleCase } from '../../__fixtures__/ruleCases';

/** The database rules, each broken on the full fixture plan's production environment (and its nearest valid variant). */
export const databasesRuleCases: RuleCase[] = [
  {
    rule: 'database-storage',
    name: 'storage below the RDS minimum',
    fail: env => (env.data!.databases![0].storage.allocated = '10Gi'),
    path: `${P}.data.databases[0].storage.allocated`,
    pass: env => (env.data!.databases![0].storage.allocated = '20Gi'),
  },
  {
    rule: 'database-backup',
    name: 'retention above 35 days',
    fail: env => (env.data!.databases![0].backup!.retention = '40d'),
    path: `${P}.data.databases[0].backup.retention`,
    pass: env => (env.data!.databases![0].backup!.retention = '35d'),
  },
  {
    rule: 'database-backup',
    name: 'backup and maintenance windows overlapping',
    fail: env =>
      (env.data!.databases![0].maintenanceWindow = 'sun:03:30-sun:04:30'),
    path: `${P}.data.databases[0].backup.window`,
    pass: env =>
      (env.data!.databases![0].maintenanceWindow = 'sun:04:00-sun:05:00'),
  },
  {
    rule: 'tier:database-multi-az',
    name: 'a single-AZ production database',
    fail: env => (env.data!.databases![0].multiAz = false),
    path: `${P}.data.databases[0].multiAz`,
  },
  {
    rule: 'encryption-consistency',
    name: 'an unencrypted database under encryption at rest',
    fail: env => (env.data!.databases![0].encrypted = false),
    path: `${P}.data.databases[0].encrypted`,
  },
];
