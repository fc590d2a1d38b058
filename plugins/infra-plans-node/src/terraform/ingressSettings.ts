/**
 * What the Ingresses need that only Terraform knows: per application load
 * balancer the AWS Load Balancer Controller creates, the ids of its subnets
 * and security groups, the ARNs of its certificates (when the plan names
 * them rather than giving ARNs) and of the WAF web ACL.
 *
 * Terraform collects them in `local.ingress_settings`; outputs.tf prints
 * them as `key=value` lines (`terraform output -raw ingress_settings >
 * kubernetes/ingress-settings.env`), and kubernetes/kustomization.yaml
 * copies each value into its annotation with kustomize replacements, so
 * `kubectl apply -k` never sends an Ingress without them.
 */
import type { LoadBalancer } from '@gatehouse/plugin-infra-plans-common';
import type { RenderContext } from '../context';
import {
  BodyInput,
  HclExpression,
  attr,
  block,
  object,
  quote,
  ref,
} from '../hcl/hcl';
import {
  httpsCertificates,
  ingressRoutes,
  loadBalancerSubnetTier,
  protectedByWaf,
} from '../loadBalancing';
import { certificateArn, isArn } from './certificates';
import { securityGroupRef, subnetIds } from './common';

/** The annotations whose values come from Terraform, without the `alb.ingress.kubernetes.io/` prefix. */
export type TerraformAnnotation =
  | 'subnets'
  | 'security-groups'
  | 'certificate-arn'
  | 'wafv2-acl-arn';

export interface IngressSetting {
  /** Key in local.ingress_settings and in the env file: `<annotation>-<load balancer>`. */
  key: string;
  annotation: TerraformAnnotation;
  /** The load balancer whose Ingresses carry the value. */
  lb: LoadBalancer;
  value: HclExpression;
}

/** `join(",", [a, b])`: the controller reads these annotations as comma-separated lists. */
function commaList(values: Array<string | HclExpression>): HclExpression {
  return ref(
    `join(",", [${values
      .map(v => (typeof v === 'string' ? quote(v) : v.text))
      .join(', ')}])`,
  );
}

export function ingressSettings(ctx: RenderContext): IngressSetting[] {
  const routed = new Map(ingressRoutes(ctx).map(r => [r.lb.name, r.lb]));
  return [...routed.values()].flatMap(lb => {
    const settings: IngressSetting[] = [];
    const add = (annotation: TerraformAnnotation, value: HclExpression) =>
      settings.push({ key: `${annotation}-${lb.name}`, annotation, lb, value });
    add('subnets', commaList(subnetIds(ctx, loadBalancerSubnetTier(lb))));
    if (lb.securityGroups?.length) {
      add(
        'security-groups',
        commaList(lb.securityGroups.map(securityGroupRef)),
      );
    }
    const certificates = httpsCertificates(lb);
    // ARNs written in the plan go into the Ingress as they are.
    if (!certificates.every(isArn)) {
      add('certificate-arn', commaList(certificates.map(certificateArn)));
    }
    if (protectedByWaf(ctx, lb)) {
      add('wafv2-acl-arn', ref('aws_wafv2_web_acl.this.arn'));
    }
    return settings;
  });
}

/** `locals { ingress_settings = { … } }`, or nothing when no Ingress needs a setting. */
export function ingressSettingsLocal(ctx: RenderContext): BodyInput {
  const settings = ingressSettings(ctx);
  if (settings.length === 0) return undefined;
  return block(
    'locals',
    [],
    attr(
      'ingress_settings',
      object(Object.fromEntries(settings.map(s => [s.key, s.value]))),
    ),
  );
}
