import {
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';

/**
 * One entry of Gatehouse's permission policy: which permissions it covers and
 * what it decides for them. The policy asks the rules in order and the first
 * one that covers a permission decides; nothing covered means DENY.
 */
export type PolicyRule = {
  /** Shown in the decision log: why a permission was allowed or denied. */
  description: string;
  covers(permission: Permission): boolean;
  decide(
    request: PolicyQuery,
    user: PolicyQueryUser,
  ): PolicyDecision | Promise<PolicyDecision>;
};
