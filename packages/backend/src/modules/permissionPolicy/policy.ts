import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { LoggerService } from '@backstage/backend-plugin-api';
import { PolicyRule } from './types';

/**
 * Gatehouse's permission policy: the first rule that covers a permission
 * decides, and a permission no rule covers is denied — including any Gatehouse
 * permission nobody has written a rule for yet.
 */
export class GatehousePermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly rules: PolicyRule[],
    private readonly logger?: LoggerService,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) {
      // Only user requests reach the policy; anything else is not a person we know.
      return { result: AuthorizeResult.DENY };
    }
    const rule = this.rules.find(candidate =>
      candidate.covers(request.permission),
    );
    if (!rule) {
      this.logger?.debug(`DENY ${request.permission.name}: no rule covers it`);
      return { result: AuthorizeResult.DENY };
    }
    const decision = await rule.decide(request, user);
    this.logger?.debug(
      `${decision.result} ${request.permission.name} for ${user.info.userEntityRef}: ${rule.description}`,
    );
    return decision;
  }
}
