/**
 * The security of a preset environment (staging and production):
 * encryption everywhere (customer-managed keys and TLS 1.3 in production),
 * Secrets Manager with the workload's credentials, a WAF with a rate limit
 * and the common and SQL injection rule groups, default-deny network policy
 * and restricted pods.
 */
import type { PresetContext } from '../shared/presetContext';
import type { SecurityPlan } from './schema';

export function presetSecurity(ctx: PresetContext): SecurityPlan {
  const production = ctx.tier === 'production';
  return {
    encryption: {
      atRest: {
        enabled: true,
        keyManagement: production ? 'customer-managed' : 'aws-managed',
      },
      inTransit: {
        enabled: true,
        minTlsVersion: production ? '1.3' : '1.2',
      },
    },
    secrets: {
      manager: 'aws-secrets-manager',
      rotation: '30d',
      items: [
        {
          name: `${ctx.workload.name}-credentials`,
          description: 'Database and third-party credentials',
        },
      ],
    },
    waf: {
      enabled: true,
      rules: [
        {
          name: 'rate-limit',
          priority: 1,
          action: 'block',
          type: 'rate-limit',
          limit: 2000,
        },
        {
          name: 'common',
          priority: 2,
          action: 'block',
          type: 'managed',
          managedRuleGroup: 'AWSManagedRulesCommonRuleSet',
        },
        {
          name: 'sqli',
          priority: 3,
          action: 'block',
          type: 'managed',
          managedRuleGroup: 'AWSManagedRulesSQLiRuleSet',
        },
      ],
    },
    ...(production ? { compliance: ['SOC2'] } : {}),
    networkPolicy: { defaultDeny: true },
    podSecurity: 'restricted',
  };
}
