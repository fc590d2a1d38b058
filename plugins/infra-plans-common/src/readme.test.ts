import { readFileSync } from 'fs';
import { resolve } from 'path';
import { FIXTURE_DATE } from './__fixtures__/plans';
import { parsePlan } from './parse';
import { VALIDATION_RULES } from './validationRules';
import { TIER_REQUIREMENTS } from './tiers';

const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');

describe('README', () => {
  it('has an annotated example plan that validates with no issue', () => {
    const match = /```yaml\n([\s\S]*?)\n```/.exec(readme);
    expect(match).not.toBeNull();
    const result = parsePlan(match![1], { asOf: FIXTURE_DATE });
    expect(result.issues).toEqual([]);
    expect(Object.keys(result.plan!.spec.environments.production)).toEqual(
      expect.arrayContaining([
        'network',
        'compute',
        'workloads',
        'data',
        'delivery',
        'observability',
        'disasterRecovery',
        'security',
        'slos',
        'budget',
      ]),
    );
  });

  it('documents every validation rule and tier requirement', () => {
    for (const rule of VALIDATION_RULES)
      expect(readme).toContain(`| \`${rule.id}\``);
    for (const requirement of TIER_REQUIREMENTS)
      expect(readme).toContain(`| \`${requirement.id}\``);
  });
});
