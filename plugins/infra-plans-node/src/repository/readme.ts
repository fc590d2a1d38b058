/**
 * The repository's README.md: what is in it (from the files actually
 * generated), how to apply it, what must be approved, and what the plan
 * asks for that this repository does not create.
 */
import type { RenderContext } from '../context';
import { EKS_MANAGED_ADDONS } from '../terraform/eks';
import { deliveryOf } from '../kubernetes/workload';
import { hasCanaryAnalysis } from '../kubernetes/analysis';
import { targetGroupBindings } from '../terraform/loadbalancer';
import { ingressSettings } from '../terraform/ingressSettings';
import { INGRESS_SETTINGS_FILE } from '../kubernetes/ingress';
import { createdByController, ingressRoutes } from '../loadBalancing';
import { environmentEntityName } from '../catalog/catalogInfo';

/** What each generated path holds, for the file table. */
const DESCRIPTIONS: Array<[RegExp, string]> = [
  [/^terraform\/versions\.tf$/, 'Terraform and AWS provider versions'],
  [/^terraform\/backend\.tf$/, 'Remote state: S3 bucket, DynamoDB lock table'],
  [/^terraform\/providers\.tf$/, 'AWS provider(s) with default tags'],
  [/^terraform\/variables\.tf$/, 'Environment-wide inputs'],
  [
    /^terraform\/terraform\.tfvars$/,
    'Values of those inputs for this environment',
  ],
  [
    /^terraform\/network\.tf$/,
    'VPC, subnets, internet and NAT gateways, route tables, flow logs',
  ],
  [
    /^terraform\/security\.tf$/,
    'Security groups and rules, network ACLs, KMS key, secrets',
  ],
  [/^terraform\/eks\.tf$/, 'EKS cluster, IAM roles, node groups, add-ons'],
  [
    /^terraform\/database\.tf$/,
    'RDS / Aurora databases, subnet group, read replicas, backup copies',
  ],
  [/^terraform\/cache\.tf$/, 'ElastiCache replication groups / clusters'],
  [
    /^terraform\/storage\.tf$/,
    'S3 buckets: versioning, encryption, lifecycle, replication',
  ],
  [/^terraform\/queues\.tf$/, 'SQS queues and dead-letter queues'],
  [
    /^terraform\/loadbalancer\.tf$/,
    'Load balancers, listeners, target groups, WAF',
  ],
  [
    /^terraform\/outputs\.tf$/,
    'Outputs, including the TargetGroupBinding manifests',
  ],
  [
    /^kubernetes\/kustomization\.yaml$/,
    'Applies everything below: `kubectl apply -k kubernetes/`',
  ],
  [
    /^kubernetes\/namespace\.yaml$/,
    'The namespace, with its Pod Security level',
  ],
  [
    /^kubernetes\/default-deny\.yaml$/,
    'Denies all traffic not opened by a workload policy',
  ],
  [/^kubernetes\/[^/]+\/deployment\.yaml$/, 'Deployment (rolling update)'],
  [/^kubernetes\/[^/]+\/rollout\.yaml$/, 'Argo Rollout (blue-green or canary)'],
  [/^kubernetes\/[^/]+\/service\.yaml$/, 'Service'],
  [
    /^kubernetes\/[^/]+\/service-preview\.yaml$/,
    'Preview Service of the blue-green rollout',
  ],
  [
    /^kubernetes\/[^/]+\/analysis-template\.yaml$/,
    'Canary analysis (success rate, p95 latency)',
  ],
  [
    /^kubernetes\/[^/]+\/hpa\.yaml$/,
    'HorizontalPodAutoscaler (autoscaling/v2)',
  ],
  [
    /^kubernetes\/[^/]+\/ingress(-[^/]+)?\.yaml$/,
    'Ingress: routes of the application load balancer (AWS Load Balancer Controller)',
  ],
  [/^kubernetes\/[^/]+\/pdb\.yaml$/, 'PodDisruptionBudget'],
  [/^kubernetes\/[^/]+\/network-policy\.yaml$/, 'NetworkPolicy'],
  [/^kubernetes\/[^/]+\/kustomization\.yaml$/, "The workload's objects"],
  [
    /^monitoring\/alerts\.rules\.yaml$/,
    "Prometheus alerting rules (SLO burn rates and the plan's alerts)",
  ],
  [
    /^docs\/Infrastructure_Requirements\.md$/,
    'Review document: infrastructure requirements',
  ],
  [
    /^docs\/Deployment_Architecture_Plan\.json$/,
    'Review document: deployment architecture',
  ],
  [
    /^docs\/Scalability_Architecture_Design\.md$/,
    'Review document: scalability design',
  ],
  [
    /^docs\/Performance_Optimization_Plan\.json$/,
    'Review document: performance plan',
  ],
  [/^docs\/topology\.mmd$/, 'Topology diagram (Mermaid)'],
  [
    /^infra-plan\.yaml$/,
    'The plan this repository was generated from (this environment)',
  ],
  [
    /^catalog-info\.yaml$/,
    'Catalog entities: the environment (and its cluster)',
  ],
  [/^README\.md$/, 'This file'],
];

/** Descriptions that differ when the controller creates application load balancers from Ingresses. */
const INGRESS_MODE_DESCRIPTIONS: Array<[RegExp, string]> = [
  [
    /^terraform\/loadbalancer\.tf$/,
    'Certificates, WAF web ACL, network load balancers; the values the Ingresses take from Terraform',
  ],
  [
    /^terraform\/outputs\.tf$/,
    'Outputs, including the Ingress settings (and TargetGroupBinding manifests for network load balancers)',
  ],
  [
    /^kubernetes\/kustomization\.yaml$/,
    `Applies everything below: \`kubectl apply -k kubernetes/\` (reads \`${INGRESS_SETTINGS_FILE}\`, see below)`,
  ],
];

/** What a generated path holds, for the file table of this environment. */
function describer(ctx: RenderContext): (path: string) => string {
  const table = ingressRoutes(ctx).length
    ? [...INGRESS_MODE_DESCRIPTIONS, ...DESCRIPTIONS]
    : DESCRIPTIONS;
  return path => table.find(([pattern]) => pattern.test(path))?.[1] ?? '';
}

function applySteps(ctx: RenderContext, paths: string[]): string[] {
  const s = ctx.stateBackend;
  const steps = [
    `Make sure the state bucket \`${s.bucket}\` (region ${s.region}) and the lock table \`${s.dynamodbTable}\` (partition key \`LockID\`, string) exist, and that your AWS credentials reach the account.`,
    '`cd terraform && terraform init && terraform plan -out=tfplan`, have the plan reviewed (see below), then `terraform apply tfplan`.',
    `\`aws eks update-kubeconfig --name ${ctx.clusterName} --region ${ctx.env.region}\`.`,
  ];
  if (ingressSettings(ctx).length) {
    steps.push(
      `\`terraform -chdir=terraform output -raw ingress_settings > kubernetes/${INGRESS_SETTINGS_FILE}\` writes what the Ingresses take from Terraform (subnet and security group ids, certificate and WAF ARNs); \`kubectl apply -k\` refuses to run without it. It holds no secrets: commit it if a GitOps controller applies \`kubernetes/\`.`,
    );
  }
  steps.push(
    '`kubectl apply -k kubernetes/` creates the namespace and the workloads.',
  );
  const routes = ingressRoutes(ctx);
  if (routes.length) {
    steps.push(
      `The AWS Load Balancer Controller then creates the application load balancer${
        new Set(routes.map(r => r.lb.name)).size > 1 ? 's' : ''
      } from the Ingresses; \`kubectl get ingress -n ${
        ctx.namespace
      }\` shows the DNS name to point ${
        routes
          .map(r => r.workload.expose?.host)
          .filter(Boolean)
          .filter((host, i, all) => all.indexOf(host) === i)
          .join(', ') || 'the hosts'
      } at.`,
    );
  }
  if (targetGroupBindings(ctx).length) {
    steps.push(
      '`terraform -chdir=terraform output -raw target_group_bindings | kubectl apply -f -` registers the workloads in their load balancer target groups (needs the AWS Load Balancer Controller in the cluster).',
    );
  }
  if (paths.includes('monitoring/alerts.rules.yaml')) {
    steps.push(
      'Load `monitoring/alerts.rules.yaml` into Prometheus (`rule_files`, or as the `spec` of a PrometheusRule).',
    );
  }
  return steps.map((step, i) => `${i + 1}. ${step}`);
}

function approvals(ctx: RenderContext): string[] {
  const approvalsPlan = ctx.env.delivery?.approvals;
  const lines: string[] = [];
  if (approvalsPlan?.required) {
    lines.push(
      `- Every change needs an approval${
        approvalsPlan.approvers?.length
          ? ` from ${approvalsPlan.approvers.join(', ')}`
          : ''
      } before it is applied (the plan's \`delivery.approvals\`).`,
    );
  } else {
    lines.push(
      '- Changes are approved in Gatehouse with the Terraform plan and its cost estimate before they are applied.',
    );
  }
  lines.push(
    '- Look closely at anything `terraform plan` replaces or destroys, at security group rules open to `0.0.0.0/0`, and at cost.',
  );
  const protectedDbs = (ctx.env.data?.databases ?? []).filter(
    d => d.deletionProtection,
  );
  if (protectedDbs.length) {
    lines.push(
      `- Databases with deletion protection (${protectedDbs
        .map(d => d.name)
        .join(
          ', ',
        )}): removing them needs a plan change that turns protection off first, approved on its own.`,
    );
  }
  if (ctx.env.budget) {
    lines.push(
      `- Budget: ${ctx.env.budget.monthlyUsd} USD a month${
        ctx.env.budget.alertThresholds?.length
          ? `, alerts at ${ctx.env.budget.alertThresholds.join('%, ')}%`
          : ''
      }. A change that raises the estimate above it needs the budget owner's approval too.`,
    );
  }
  return lines;
}

function notGenerated(ctx: RenderContext): string[] {
  const lines: string[] = [];
  const helmAddons = (ctx.env.compute.cluster.addons ?? []).filter(
    a => !EKS_MANAGED_ADDONS.has(a),
  );
  const needsLbController =
    targetGroupBindings(ctx).length > 0 || ingressRoutes(ctx).length > 0;
  const controllers = [
    ...new Set([
      ...helmAddons,
      ...(needsLbController ? ['aws-load-balancer-controller'] : []),
      ...(ctx.env.workloads.some(w => deliveryOf(ctx, w).kind === 'Rollout')
        ? ['argo-rollouts']
        : []),
    ]),
  ];
  if (controllers.length) {
    lines.push(
      `- Cluster controllers to install (Helm): ${controllers.join(', ')}.`,
    );
  }
  const routed = new Set(ingressRoutes(ctx).map(r => r.lb.name));
  const unrouted = (ctx.env.network.loadBalancers ?? []).filter(
    lb => createdByController(ctx, lb) && !routed.has(lb.name),
  );
  if (unrouted.length) {
    lines.push(
      `- Application load balancer${unrouted.length > 1 ? 's' : ''} ${unrouted
        .map(lb => lb.name)
        .join(', ')}: no workload with a port is routed through ${
        unrouted.length > 1 ? 'them' : 'it'
      }, and the AWS Load Balancer Controller creates an ALB only for Ingresses.`,
    );
  }
  if (ctx.env.workloads.some(w => w.autoscaling?.targets.requestsPerSecond)) {
    lines.push(
      '- Scaling on requests per second needs a custom metrics adapter (prometheus-adapter) serving `http_requests_per_second`.',
    );
  }
  if (ctx.env.workloads.some(w => w.autoscaling?.targets.queue)) {
    lines.push(
      '- Scaling on queue depth needs an external metrics adapter serving `sqs_messages_visible` with a `queue_name` label.',
    );
  }
  if (hasCanaryAnalysis(ctx)) {
    lines.push(
      '- The canary analysis queries Prometheus at the AnalysisTemplate argument `prometheus-address`.',
    );
  }
  const secrets = ctx.env.security?.secrets;
  if (ctx.env.workloads.some(w => w.secrets?.length)) {
    lines.push(
      `- Secret values are never generated. Workloads read Kubernetes Secrets of the same names${
        secrets?.manager === 'aws-secrets-manager'
          ? ` synced from Secrets Manager (\`${ctx.service}/${ctx.envName}/<name>\`, e.g. with External Secrets)`
          : ''
      }${
        secrets?.rotation
          ? `; rotation every ${secrets.rotation} needs a rotation function`
          : ''
      }.`,
    );
  }
  const drStrategy = ctx.env.disasterRecovery?.strategy;
  if (drStrategy && drStrategy !== 'backup-restore') {
    lines.push(
      `- The plan's DR strategy is ${drStrategy}: this repository builds backup copies and bucket replicas in ${
        ctx.drRegion ?? 'the DR region'
      } only, no standby capacity there, and the cost estimate prices none.`,
    );
  }
  const skippedWaf = (ctx.env.security?.waf?.rules ?? []).filter(
    r => r.type === 'ip-set' || r.type === 'geo',
  );
  if (skippedWaf.length) {
    lines.push(
      `- WAF rules ${skippedWaf
        .map(r => r.name)
        .join(
          ', ',
        )} need IP sets or country lists the plan does not hold; add them to the web ACL by hand.`,
    );
  }
  const databaseReplication = ctx.env.disasterRecovery?.replication?.database;
  if (
    databaseReplication === 'cross-region-read-replica' ||
    databaseReplication === 'global-database'
  ) {
    lines.push(
      `- The plan asks for ${databaseReplication} database replication to ${
        ctx.drRegion ?? 'the DR region'
      }: this repository does not build it (it needs a network there) and the cost estimate does not price it. Automated backups are copied there only with \`backups.crossRegionCopy\` or \`snapshot-copy\`.`,
    );
  }
  return lines;
}

export function renderReadme(ctx: RenderContext, paths: string[]): string {
  const { metadata } = ctx.plan;
  const sorted = [...paths, 'README.md'].sort();
  const describe = describer(ctx);
  const table = [
    '| Path | What |',
    '| --- | --- |',
    ...sorted.map(p => `| \`${p}\` | ${describe(p)} |`),
  ];
  const facts = [
    `- Service: \`${ctx.serviceRef}\`, owned by ${metadata.owner}${
      metadata.system ? `, system ${metadata.system}` : ''
    }`,
    `- Environment: **${ctx.envName}** (${ctx.env.tier} tier) in ${
      ctx.env.region
    }; catalog entity \`resource:${environmentEntityName(ctx)}\``,
    `- Plan revision: ${metadata.revision ?? 'unversioned'}`,
    `- EKS cluster \`${ctx.clusterName}\`, Kubernetes ${ctx.env.compute.cluster.kubernetesVersion}; workloads in namespace \`${ctx.namespace}\``,
    `- Delivery: ${ctx.env.delivery?.strategy ?? 'rolling'}`,
    ...(ctx.repositoryUrl ? [`- Repository: ${ctx.repositoryUrl}`] : []),
  ];
  const missing = notGenerated(ctx);
  return [
    `# ${metadata.service}: ${ctx.envName} infrastructure`,
    '',
    `Infrastructure as code for the **${ctx.envName}** environment of ${metadata.service}, generated by Gatehouse from \`infra-plan.yaml\`. Do not edit the files by hand: change the plan in Gatehouse and regenerate, so the plan, the review documents and this repository stay the same thing.`,
    '',
    ...facts,
    '',
    '## What is in it',
    '',
    ...table,
    '',
    '## Applying it',
    '',
    ...applySteps(ctx, paths),
    '',
    '## What must be approved',
    '',
    ...approvals(ctx),
    '',
    ...(missing.length ? ['## Not created here', '', ...missing, ''] : []),
  ].join('\n');
}
