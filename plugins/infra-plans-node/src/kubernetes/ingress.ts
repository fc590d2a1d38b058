/**
 * Ingresses for the AWS Load Balancer Controller (ingress mode): one per
 * workload an application load balancer routes to, class `alb`, with the
 * plan's host and path and the controller annotations that make the ALB
 * what the plan says (scheme, listeners, TLS, redirect, health checks,
 * attributes, tags).
 *
 * All Ingresses of one plan load balancer share an IngressGroup
 * (`group.name`), so the controller builds one ALB for them, as the plan
 * has one. The annotations that apply to the whole ALB are written with the
 * same value on each of them: the controller rejects a group whose members
 * disagree.
 *
 * Values only Terraform knows (subnet and security group ids, certificate
 * and WAF ARNs) are placeholders here, replaced by kustomize from
 * `ingress-settings.env` (written from `terraform output -raw
 * ingress_settings`). Without that file `kubectl apply -k` fails instead of
 * sending an Ingress the controller would build a wrong ALB from.
 */
import type { LoadBalancer } from '@gatehouse/plugin-infra-plans-common';
import { awsName, type RenderContext } from '../context';
import {
  httpsCertificates,
  type IngressRoute,
  targetHealthCheck,
  sslPolicy,
} from '../loadBalancing';
import { seconds } from '../terraform/common';
import { environmentTags } from '../terraform/base';
import type { IngressSetting } from '../terraform/ingressSettings';
import { KubeObject, objectMeta } from './meta';

/** The IngressClass the AWS Load Balancer Controller's Helm chart installs. */
export const INGRESS_CLASS = 'alb';

/** The env file kustomize reads the Terraform values from, in kubernetes/. */
export const INGRESS_SETTINGS_FILE = 'ingress-settings.env';

/** The ConfigMap kustomize generates from that file; local only, never applied. */
export const INGRESS_SETTINGS_CONFIG_MAP = 'ingress-settings';

const PREFIX = 'alb.ingress.kubernetes.io/';

/** The group of a plan load balancer: `<service>-<environment>-<load balancer>`. */
export function ingressGroupName(ctx: RenderContext, lb: LoadBalancer): string {
  return awsName(ctx, lb.name, 63);
}

function placeholder(setting: IngressSetting): string {
  return `set by kustomize from terraform output ingress_settings (${setting.key})`;
}

/** `k1=v1,k2=v2`, the controller's string map format. */
function stringMap(entries: Array<[string, string | number | boolean]>) {
  return entries.map(([k, v]) => `${k}=${v}`).join(',');
}

/** Annotations that configure the whole ALB: identical on every Ingress of the group. */
function loadBalancerAnnotations(
  ctx: RenderContext,
  lb: LoadBalancer,
  settings: IngressSetting[],
): Record<string, string> {
  const fromTerraform = (annotation: IngressSetting['annotation']) => {
    const setting = settings.find(
      s => s.lb.name === lb.name && s.annotation === annotation,
    );
    return setting && placeholder(setting);
  };
  const https = lb.listeners.find(l => l.protocol === 'HTTPS');
  const redirects = lb.listeners.some(
    l => l.protocol === 'HTTP' && l.redirectToHttps,
  );
  const certificates = httpsCertificates(lb);
  const idleTimeout = seconds(lb.idleTimeout);
  // Tag values are written k=v,…: leave out any that would break the list.
  const tags = Object.entries(environmentTags(ctx)).filter(
    ([, value]) => !/[,=]/.test(value),
  );
  const annotations: Record<string, string | undefined> = {
    'group.name': ingressGroupName(ctx, lb),
    'load-balancer-name': awsName(ctx, lb.name, 32),
    scheme: lb.scheme,
    subnets: fromTerraform('subnets'),
    'security-groups': fromTerraform('security-groups'),
    // The controller ignores inbound-cidrs when security groups are given;
    // without them it creates a group open to these CIDRs only.
    'inbound-cidrs':
      !lb.securityGroups?.length && lb.scheme === 'internal'
        ? ctx.env.network.vpc.cidr
        : undefined,
    'listen-ports': JSON.stringify(
      lb.listeners.map(l => ({ [l.protocol]: l.port })),
    ),
    'certificate-arn': certificates.length
      ? fromTerraform('certificate-arn') ?? certificates.join(',')
      : undefined,
    'ssl-policy': https ? sslPolicy(ctx) : undefined,
    'ssl-redirect': https && redirects ? String(https.port) : undefined,
    'wafv2-acl-arn': fromTerraform('wafv2-acl-arn'),
    'load-balancer-attributes': stringMap([
      ...(idleTimeout === undefined
        ? []
        : [['idle_timeout.timeout_seconds', idleTimeout] as [string, number]]),
      ['routing.http.drop_invalid_header_fields.enabled', true],
      ['deletion_protection.enabled', ctx.env.tier === 'production'],
    ]),
    tags: tags.length ? stringMap(tags) : undefined,
  };
  return prefixed(annotations);
}

/** Annotations of this Ingress's rules and target group. */
function routeAnnotations(route: IngressRoute): Record<string, string> {
  const check = targetHealthCheck(route.workload);
  const http = check.http;
  return prefixed({
    'group.order': String(route.order),
    // Pods are registered by IP (the VPC CNI gives them VPC addresses).
    'target-type': 'ip',
    'backend-protocol': 'HTTP',
    'healthcheck-protocol': 'HTTP',
    'healthcheck-path': http?.path,
    'healthcheck-port': http ? healthCheckPort(route, http.port) : undefined,
    'healthcheck-interval-seconds': String(check.intervalSeconds),
    'healthcheck-timeout-seconds': http && String(http.timeoutSeconds),
    'healthy-threshold-count': http && String(http.healthyThreshold),
    'unhealthy-threshold-count': http && String(http.unhealthyThreshold),
    'success-codes': http?.matcher,
    'target-group-attributes': stringMap([
      ['deregistration_delay.timeout_seconds', 30],
    ]),
  });
}

/**
 * `traffic-port` when the probe checks the port traffic goes to, else the
 * probe's container port as a number (with target type ip the controller
 * checks the pod on that port).
 */
function healthCheckPort(route: IngressRoute, port: string | number): string {
  const ports = route.workload.ports ?? [];
  const probed =
    typeof port === 'number'
      ? ports.find(p => p.containerPort === port)
      : ports.find(p => p.name === port);
  const served = ports.find(
    p => (p.servicePort ?? p.containerPort) === route.servicePort,
  );
  if (probed && probed === served) return 'traffic-port';
  return String(probed?.containerPort ?? port);
}

function prefixed(
  annotations: Record<string, string | undefined>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(annotations)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([key, value]) => [`${PREFIX}${key}`, value]),
  );
}

/** The path as an Ingress Prefix path: `/api/` → `/api`, `/` stays. */
function prefixPath(path: string | undefined): string {
  return (path ?? '/').replace(/\/+$/, '') || '/';
}

/** The Ingress of a route; `settings` are {@link ingressSettings} of the environment. */
export function ingress(
  ctx: RenderContext,
  route: IngressRoute,
  settings: IngressSetting[],
): KubeObject {
  const { lb, workload } = route;
  const host =
    workload.expose?.loadBalancer === lb.name
      ? workload.expose.host
      : undefined;
  const path =
    workload.expose?.loadBalancer === lb.name ? workload.expose.path : '/';
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: objectMeta(ctx, route.name, workload, {
      ...loadBalancerAnnotations(ctx, lb, settings),
      ...routeAnnotations(route),
    }),
    spec: {
      ingressClassName: INGRESS_CLASS,
      rules: [
        {
          ...(host ? { host } : {}),
          http: {
            paths: [
              {
                path: prefixPath(path),
                pathType: 'Prefix',
                // The Service other pods use too: for blue-green its
                // selector is switched to the active ReplicaSet; a canary
                // without traffic routing shares it by replica count.
                backend: {
                  service: {
                    name: workload.name,
                    port: { number: route.servicePort },
                  },
                },
              },
            ],
          },
        },
      ],
    },
  };
}

/**
 * The part of kubernetes/kustomization.yaml that fills the placeholders: a
 * ConfigMap generated from the env file (marked local, so it is never
 * applied) and one replacement per setting, into the annotation of each
 * Ingress of its load balancer.
 */
export function ingressSettingsKustomization(
  settings: IngressSetting[],
  routes: IngressRoute[],
): Record<string, unknown> | undefined {
  if (settings.length === 0) return undefined;
  return {
    configMapGenerator: [
      {
        name: INGRESS_SETTINGS_CONFIG_MAP,
        envs: [INGRESS_SETTINGS_FILE],
        options: {
          disableNameSuffixHash: true,
          annotations: { 'config.kubernetes.io/local-config': 'true' },
        },
      },
    ],
    replacements: settings.map(setting => ({
      source: {
        kind: 'ConfigMap',
        name: INGRESS_SETTINGS_CONFIG_MAP,
        fieldPath: `data.${setting.key}`,
      },
      targets: routes
        .filter(route => route.lb.name === setting.lb.name)
        .map(route => ({
          select: { kind: 'Ingress', name: route.name },
          fieldPaths: [`metadata.annotations.[${PREFIX}${setting.annotation}]`],
        })),
    })),
  };
}
