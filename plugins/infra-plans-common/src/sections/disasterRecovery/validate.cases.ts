import { P, RuleCase } from '../../__fixtures__/ruleCases';

/** The disaster recovery rules, each broken on the full fixture plan's production environment (and its nearest valid variant). */
export const disasterRecoveryRuleCases: RuleCase[] = [
  {
    rule: 'backup-vs-rpo',
    name: 'daily backups against a 1h RPO',
    fail: env => (env.data!.databases![0].backup!.pointInTimeRecovery = false),
    path: `${P}.data.databases[0].backup`,
    problem: /once a day.*RPO of 1h/,
    hint: /point-in-time recovery.*at least every 1h/,
    pass: env =>
      Object.assign(env.data!.databases![0].backup!, {
        pointInTimeRecovery: false,
        frequency: '1h',
      }),
  },
  {
    rule: 'backup-vs-rpo',
    name: 'snapshots every 4h against a 1h RPO',
    fail: env =>
      Object.assign(env.data!.databases![0].backup!, {
        pointInTimeRecovery: false,
        frequency: '4h',
      }),
    path: `${P}.data.databases[0].backup.frequency`,
    pass: env =>
      Object.assign(env.data!.databases![0].backup!, {
        pointInTimeRecovery: false,
        frequency: '30m',
      }),
  },
  {
    rule: 'dr-region',
    name: 'the DR region equal to the primary',
    fail: env => (env.disasterRecovery!.drRegion = 'us-east-1'),
    path: `${P}.disasterRecovery.drRegion`,
  },
  {
    rule: 'dr-region',
    name: 'a warm standby without a DR region',
    fail: env => delete env.disasterRecovery!.drRegion,
    path: `${P}.disasterRecovery.strategy`,
  },
  {
    rule: 'dr-replication',
    name: 'object storage replication promised but a bucket does not replicate',
    fail: env => delete env.data!.objectStorage![0].replication,
    path: `${P}.data.objectStorage[0].replication`,
    severity: 'warning',
  },
  {
    rule: 'dr-test-cadence',
    name: 'annual DR tests in production',
    fail: env => (env.disasterRecovery!.testCadence = 'annual'),
    path: `${P}.disasterRecovery.testCadence`,
    pass: env => (env.disasterRecovery!.testCadence = 'monthly'),
  },
  {
    rule: 'rto-feasibility',
    name: 'a 30 minute RTO from backups',
    fail: env =>
      Object.assign(env.disasterRecovery!, {
        strategy: 'backup-restore',
        rto: '30m',
      }),
    path: `${P}.disasterRecovery.rto`,
    severity: 'warning',
    pass: env =>
      Object.assign(env.disasterRecovery!, {
        strategy: 'backup-restore',
        rto: '4h',
      }),
  },
];
