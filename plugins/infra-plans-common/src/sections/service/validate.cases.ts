import { P, RuleCase } from '../../__fixtures__/ruleCases';

/** The region rules, each broken on the full fixture plan's production environment (and its nearest valid variant). */
export const serviceRuleCases: RuleCase[] = [
  {
    rule: 'region-listed',
    name: 'an environment region missing from spec.regions',
    fail: (_env, plan) => (plan.spec.regions = ['us-west-2']),
    path: `${P}.region`,
  },
];
