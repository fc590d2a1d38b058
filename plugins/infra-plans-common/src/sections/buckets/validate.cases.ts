import { P, RuleCase } from '../../__fixtures__/ruleCases';

/** The bucket rules, each broken on the full fixture plan's production environment (and its nearest valid variant). */
export const bucketsRuleCases: RuleCase[] = [
  {
    rule: 'bucket-replication',
    name: 'replication without versioning',
    fail: env => (env.data!.objectStorage![0].versioning = false),
    path: `${P}.data.objectStorage[0].versioning`,
  },
  {
    rule: 'bucket-lifecycle',
    name: 'a transition to IA before 30 days',
    fail: env =>
      (env.data!.objectStorage![0].lifecycle![0].transitions![0].after = '10d'),
    path: `${P}.data.objectStorage[0].lifecycle[0].transitions[0].after`,
    pass: env =>
      (env.data!.objectStorage![0].lifecycle![0].transitions![0].after = '30d'),
  },
  {
    rule: 'bucket-public',
    name: 'a public bucket in production',
    fail: env => (env.data!.objectStorage![0].publicAccess = true),
    path: `${P}.data.objectStorage[0].publicAccess`,
    severity: 'warning',
    pass: env => (env.data!.objectStorage![0].publicAccess = false),
  },
];
