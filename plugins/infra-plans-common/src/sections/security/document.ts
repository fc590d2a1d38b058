/** The security's parts of the generated documents. */
import type { DeploymentEnvironment } from '../../documents/deploymentArchitecturePlan';
import { facts, num, table } from '../../documents/markdown';
import type { EnvironmentPlan } from '../../schema';

/** `Infrastructure_Requirements.md`: encryption, secrets, compliance, policies and the WAF rules. */
export function securityRequirements(env: EnvironmentPlan): string {
  const sec = env.security;
  const out: string[] = ['### Security\n\n'];
  out.push(
    sec
      ? facts([
          [
            'Encryption at rest',
            sec.encryption &&
              `${sec.encryption.atRest.enabled ? 'enabled' : 'DISABLED'}${
                sec.encryption.atRest.keyManagement
                  ? ` (${sec.encryption.atRest.keyManagement} KMS key)`
                  : ''
              }`,
          ],
          [
            'Encryption in transit',
            sec.encryption &&
              `${sec.encryption.inTransit.enabled ? 'enabled' : 'DISABLED'}${
                sec.encryption.inTransit.minTlsVersion
                  ? ` (TLS ≥ ${sec.encryption.inTransit.minTlsVersion})`
                  : ''
              }`,
          ],
          [
            'Secrets',
            sec.secrets &&
              `${sec.secrets.manager}${
                sec.secrets.rotation
                  ? `, rotated every ${sec.secrets.rotation}`
                  : ''
              }${
                sec.secrets.items?.length
                  ? `: ${sec.secrets.items.map(i => i.name).join(', ')}`
                  : ''
              }`,
          ],
          ['Compliance', sec.compliance?.join(', ')],
          [
            'Network policy',
            sec.networkPolicy &&
              (sec.networkPolicy.defaultDeny
                ? 'default deny'
                : 'default allow'),
          ],
          ['Pod security', sec.podSecurity],
        ])
      : '_Not specified._\n',
  );
  if (sec?.waf?.rules?.length) {
    out.push('\n');
    out.push(
      table(
        ['WAF rule', 'Priority', 'Type', 'Action', 'Detail'],
        sec.waf.rules.map(r => [
          r.name,
          r.priority,
          r.type,
          r.action,
          r.type === 'rate-limit'
            ? `${num(r.limit ?? 0)} requests / 5 min / IP`
            : r.managedRuleGroup,
        ]),
      ),
    );
  }
  return out.join('');
}

/** `Deployment_Architecture_Plan.json`: the environment's `security`. */
export function securityDeployment(
  env: EnvironmentPlan,
): DeploymentEnvironment['security'] {
  const sec = env.security;
  if (!sec) return null;
  return {
    encryptionAtRest: sec.encryption?.atRest.enabled ?? false,
    encryptionInTransit: sec.encryption?.inTransit.enabled ?? false,
    minTlsVersion: sec.encryption?.inTransit.minTlsVersion ?? null,
    secretsManager: sec.secrets?.manager ?? null,
    wafRules: sec.waf?.enabled ? (sec.waf.rules ?? []).map(r => r.name) : [],
    compliance: sec.compliance ?? [],
  };
}
