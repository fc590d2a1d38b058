/** The budget's part of the generated documents. */
import { facts, usd } from '../../documents/markdown';
import type { EnvironmentPlan } from '../../schema';

/** `Infrastructure_Requirements.md`: the monthly budget and its alerts. */
export function budgetRequirements(env: EnvironmentPlan): string {
  return [
    '### Budget\n\n',
    env.budget
      ? facts([
          ['Monthly budget', `${usd(env.budget.monthlyUsd)} (USD)`],
          [
            'Alerts at',
            env.budget.alertThresholds?.map(t => `${t}%`).join(', '),
          ],
        ])
      : '_Not specified._\n',
  ].join('');
}
