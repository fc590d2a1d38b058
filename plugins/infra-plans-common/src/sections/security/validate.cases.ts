import { P, RuleCase } from '../../__fixtures__/ruleCases';

/** The security rules, each broken on the full fixture plan's production environment (and its nearest valid variant). */
export const securityRuleCases: RuleCase[] = [
  {
    rule: 'tls-version',
    name: 'TLS 1.1',
    fail: env => (env.security!.encryption!.inTransit.minTlsVersion = '1.1'),
    path: `${P}.security.encryption.inTransit.minTlsVersion`,
    pass: env => (env.security!.encryption!.inTransit.minTlsVersion = '1.2'),
  },
  {
    rule: 'waf-rules',
    name: 'a rate limit without a limit',
    fail: env => delete env.security!.waf!.rules![0].limit,
    path: `${P}.security.waf.rules[0].limit`,
  },
  {
    rule: 'names-unique',
    name: 'two WAF rules with one priority',
    fail: env => (env.security!.waf!.rules![1].priority = 1),
    path: `${P}.security.waf.rules[1].priority`,
  },
];
