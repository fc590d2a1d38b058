/**
 * `Infrastructure_Requirements.md`: the reviewer's view of the whole plan.
 * The overview and the validation findings are the document's own; each
 * environment is its sections' blocks (`sections/<section>/document.ts`)
 * in plan order.
 */
import type { EnvironmentPlan, InfraPlan } from '../schema';
import { bucketsRequirements } from '../sections/buckets/document';
import { budgetRequirements } from '../sections/budget/document';
import { cachesRequirements } from '../sections/caches/document';
import { computeRequirements } from '../sections/compute/document';
import { databasesRequirements } from '../sections/databases/document';
import { deliveryRequirements } from '../sections/delivery/document';
import { disasterRecoveryRequirements } from '../sections/disasterRecovery/document';
import { networkRequirements } from '../sections/network/document';
import { observabilityRequirements } from '../sections/observability/document';
import { queuesRequirements } from '../sections/queues/document';
import { securityRequirements } from '../sections/security/document';
import { slosRequirements } from '../sections/slos/document';
import { workloadsRequirements } from '../sections/workloads/document';
import { validatePlan } from '../validate';
import { orderedEnvironments } from './derive';
import { table, usd } from './markdown';
import { renderTopologyDiagram } from './mermaid';

/** The data stores, one table per kind (queues only when there are some). */
function dataRequirements(env: EnvironmentPlan): string {
  return [
    '### Data\n\n',
    ...[
      databasesRequirements(env),
      cachesRequirements(env),
      bucketsRequirements(env),
      queuesRequirements(env),
    ]
      .filter(Boolean)
      .map(block => `\n${block}`),
  ].join('');
}

/** One environment: its sections in plan order, the topology diagram after the network. */
function environmentSections(
  name: string,
  env: EnvironmentPlan,
  plan: InfraPlan,
): string {
  const network = [
    networkRequirements(env),
    '\n#### Topology\n\n',
    `\`\`\`mermaid\n${renderTopologyDiagram(plan, {
      environment: name,
    })}\`\`\`\n`,
  ].join('');
  return [
    network,
    computeRequirements(env),
    workloadsRequirements(env),
    dataRequirements(env),
    deliveryRequirements(env),
    observabilityRequirements(env),
    disasterRecoveryRequirements(env),
    securityRequirements(env),
    slosRequirements(env),
    budgetRequirements(env),
  ].join('\n');
}

/**
 * Renders `Infrastructure_Requirements.md` for a plan.
 * @public
 */
export function renderInfrastructureRequirements(plan: InfraPlan): string {
  const m = plan.metadata;
  const envs = orderedEnvironments(plan);
  const out: string[] = [];
  out.push(`# Infrastructure Requirements: ${m.service}\n\n`);
  out.push(
    `> Generated from \`infra-plan.yaml\`${
      m.revision ? ` (revision ${m.revision})` : ''
    }. Edit the plan, not this document.\n\n`,
  );
  if (m.description) out.push(`${m.description}\n\n`);
  out.push('## Overview\n\n');
  out.push(
    table(
      ['Field', 'Value'],
      [
        ['Service', m.service],
        ['Owner', m.owner],
        ['System', m.system],
        ['Revision', m.revision],
        ['Provider', plan.spec.provider.toUpperCase()],
        ['Regions', plan.spec.regions.join(', ')],
        ['Environments', envs.map(([n]) => n).join(', ')],
      ],
    ),
  );
  out.push('\n## Environments\n\n');
  out.push(
    table(
      [
        'Environment',
        'Tier',
        'Region',
        'AZs',
        'VPC',
        'Nodes (min / desired / max)',
        'Instance types',
        'Workloads',
        'Databases',
        'Budget (USD / month)',
      ],
      envs.map(([name, env]) => {
        const groups = env.compute.nodeGroups;
        const sum = (k: 'minSize' | 'desiredSize' | 'maxSize') =>
          groups.reduce((s, g) => s + g[k], 0);
        return [
          name,
          env.tier,
          env.region,
          env.network.vpc.availabilityZones.length,
          env.network.vpc.cidr,
          `${sum('minSize')} / ${sum('desiredSize')} / ${sum('maxSize')}`,
          [...new Set(groups.flatMap(g => g.instanceTypes))].join(', '),
          env.workloads.map(w => w.name).join(', '),
          (env.data?.databases ?? [])
            .map(
              d =>
                `${d.engine} ${d.version} (${d.instanceClass}${
                  d.multiAz ? ', multi-AZ' : ''
                })`,
            )
            .join(', ') || 'none',
          env.budget ? usd(env.budget.monthlyUsd) : undefined,
        ];
      }),
    ),
  );
  for (const [name, env] of envs) {
    out.push(
      `\n## Environment: ${name}${
        name === env.tier ? '' : ` (${env.tier})`
      }\n\n`,
    );
    if (env.description) out.push(`${env.description}\n\n`);
    out.push(environmentSections(name, env, plan));
  }
  const result = validatePlan(plan);
  out.push('\n## Validation\n\n');
  out.push(
    `${result.errorCount} error${result.errorCount === 1 ? '' : 's'}, ${
      result.warningCount
    } warning${result.warningCount === 1 ? '' : 's'}.\n\n`,
  );
  if (result.issues.length) {
    out.push(
      table(
        ['Severity', 'Path', 'Problem', 'Hint'],
        result.issues.map(i => [
          i.severity,
          `\`${i.path}\``,
          i.problem,
          i.hint,
        ]),
      ),
    );
  }
  return out.join('').replace(/\n{3,}/g, '\n\n');
}
