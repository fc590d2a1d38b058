/**
 * Security rules: encryption at rest and in transit, a TLS version that is
 * not deprecated, a secrets manager and well-formed WAF rules.
 */
import type { EnvContext } from '../shared/ruleContext';
import { checkUniqueNames, requireForTier } from '../shared/ruleHelpers';

/** Every security rule of one environment. */
export function checkSecurity(ctx: EnvContext): void {
  const security = ctx.env.security;
  const encryption = security?.encryption;
  if (
    !encryption ||
    !encryption.atRest.enabled ||
    !encryption.inTransit.enabled
  ) {
    const off = !encryption
      ? 'encryption is not specified'
      : `encryption ${[
          encryption.atRest.enabled ? '' : 'at rest',
          encryption.inTransit.enabled ? '' : 'in transit',
        ]
          .filter(Boolean)
          .join(' and ')} is disabled`;
    requireForTier(
      ctx,
      'encryption',
      encryption ? ['security', 'encryption'] : ['security'],
      off,
      'set security.encryption: { atRest: { enabled: true }, inTransit: { enabled: true, minTlsVersion: "1.2" } }',
    );
  }
  const tls = encryption?.inTransit.minTlsVersion;
  if (tls === '1.0' || tls === '1.1') {
    ctx.sink.error(
      'tls-version',
      ['security', 'encryption', 'inTransit', 'minTlsVersion'],
      `TLS ${tls} is deprecated (RFC 8996)`,
      'require TLS 1.2 or 1.3',
    );
  }
  if (!security?.secrets) {
    requireForTier(
      ctx,
      'secrets',
      ['security'],
      'no secrets manager',
      'add security.secrets: { manager: aws-secrets-manager, rotation: 30d }',
    );
  }
  const waf = security?.waf;
  if (waf) {
    const sink = ctx.sink.at('security', 'waf', 'rules');
    const rules = waf.rules ?? [];
    checkUniqueNames(sink, [], rules, 'WAF rule');
    checkUniqueNames(
      sink,
      [],
      rules,
      'WAF rule priority',
      r => String(r.priority),
      'priority',
    );
    rules.forEach((rule, index) => {
      if (
        rule.type === 'rate-limit' &&
        (rule.limit === undefined || rule.limit < 10)
      ) {
        sink.error(
          'waf-rules',
          [index, 'limit'],
          `WAF rule ${rule.name} is a rate limit without a limit of at least 10 requests per 5 minutes`,
          'set limit, e.g. 2000 requests per 5 minutes per IP',
        );
      }
      if (rule.type === 'managed' && !rule.managedRuleGroup) {
        sink.error(
          'waf-rules',
          [index],
          `WAF rule ${rule.name} is a managed rule without managedRuleGroup`,
          'set managedRuleGroup, e.g. AWSManagedRulesCommonRuleSet or AWSManagedRulesSQLiRuleSet',
        );
      }
    });
  }
}
