/**
 * The ACM certificates of the plan's HTTPS/TLS listeners. A certificate
 * written as an ARN is used as is; any other name is looked up among the
 * account's issued certificates, by domain when it has a dot, else by its
 * Name tag. Listeners Terraform creates and the Ingresses of the AWS Load
 * Balancer Controller refer to the same lookups.
 */
import type { RenderContext } from '../context';
import {
  BodyInput,
  HclExpression,
  attr,
  block,
  identifier,
  object,
  ref,
} from '../hcl/hcl';

/** Terraform name of the certificate lookup for a listener certificate. */
function certificateData(certificate: string): string {
  return identifier(`cert_${certificate}`);
}

export function isArn(certificate: string): boolean {
  return certificate.startsWith('arn:');
}

/** The certificate ARN: an ARN as written, else the lookup's `arn`. */
export function certificateArn(certificate: string): string | HclExpression {
  return isArn(certificate)
    ? certificate
    : ref(`data.aws_acm_certificate.${certificateData(certificate)}.arn`);
}

/** `data "aws_acm_certificate"` for every listener certificate that is not an ARN. */
export function certificateLookups(ctx: RenderContext): BodyInput[] {
  const certificates = new Set(
    (ctx.env.network.loadBalancers ?? []).flatMap(lb =>
      lb.listeners
        .map(l => l.certificate)
        .filter((c): c is string => !!c && !isArn(c)),
    ),
  );
  return [...certificates]
    .sort()
    .map(certificate =>
      block(
        'data',
        ['aws_acm_certificate', certificateData(certificate)],
        certificate.includes('.')
          ? attr('domain', certificate)
          : attr('tags', object({ Name: certificate })),
        attr('statuses', ['ISSUED']),
        attr('most_recent', true),
      ),
    );
}
