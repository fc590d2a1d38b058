import { PolicyRule } from './types';
import { stockPluginRules } from './stockPluginRules';
import { costRules } from './costRules';
import { approvalsRules } from './approvalsRules';
import { infraPlansRules } from './infraPlansRules';
import { clustersRules } from './clustersRules';

/**
 * Every rule of the policy, in the order they are asked. Gatehouse's own plugins
 * add their rule lists here (for example `...approvalsRules`), next to the stock
 * plugins'; a Gatehouse permission left out of every list is denied.
 */
export const policyRules: PolicyRule[] = [
  ...stockPluginRules,
  ...costRules,
  ...approvalsRules,
  ...clustersRules,
  ...infraPlansRules,
];
