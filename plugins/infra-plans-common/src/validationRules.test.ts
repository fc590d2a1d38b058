import { bucketsRuleCases } from './sections/buckets/validate.cases';
import { cachesRuleCases } from './sections/caches/validate.cases';
import { computeRuleCases } from './sections/compute/validate.cases';
import { databasesRuleCases } from './sections/databases/validate.cases';
import { deliveryRuleCases } from './sections/delivery/validate.cases';
import { disasterRecoveryRuleCases } from './sections/disasterRecovery/validate.cases';
import { networkRuleCases } from './sections/network/validate.cases';
import { observabilityRuleCases } from './sections/observability/validate.cases';
import { queuesRuleCases } from './sections/queues/validate.cases';
import { securityRuleCases } from './sections/security/validate.cases';
import { serviceRuleCases } from './sections/service/validate.cases';
import { slosRuleCases } from './sections/slos/validate.cases';
import { workloadsRuleCases } from './sections/workloads/validate.cases';
import { VALIDATION_RULES } from './validationRules';

const cases = [
  ...networkRuleCases,
  ...computeRuleCases,
  ...workloadsRuleCases,
  ...databasesRuleCases,
  ...cachesRuleCases,
  ...bucketsRuleCases,
  ...queuesRuleCases,
  ...deliveryRuleCases,
  ...observabilityRuleCases,
  ...disasterRecoveryRuleCases,
  ...serviceRuleCases,
  ...securityRuleCases,
  ...slosRuleCases,
];

describe('validation rules', () => {
  it('has a failing case for every rule of the catalogue', () => {
    const covered = new Set(cases.map(c => c.rule));
    const untested = VALIDATION_RULES.map(r => r.id).filter(
      id => !covered.has(id) && id !== 'schema' && id !== 'yaml-syntax', // parse.test.ts
    );
    expect(untested).toEqual([]);
  });
});
