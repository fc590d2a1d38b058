/**
 * `Scalability_Architecture_Design.md`: load balancing, autoscaling,
 * capacity and data-tier scaling. Each section writes its block
 * (`sections/<section>/document.ts`); the capacity figures, which weigh the
 * workloads against the node groups, are the document's own.
 */
import type { EnvironmentPlan, InfraPlan } from '../schema';
import { bucketScalingRows } from '../sections/buckets/document';
import {
  cacheScalingRows,
  cachingStrategyScalability,
} from '../sections/caches/document';
import { nodeGroupsScalability } from '../sections/compute/document';
import { databaseScalingRows } from '../sections/databases/document';
import { loadBalancingScalability } from '../sections/network/document';
import { queueScalingRows } from '../sections/queues/document';
import { designTargetsScalability } from '../sections/slos/document';
import { workloadAutoscalingScalability } from '../sections/workloads/document';
import { formatCpu, formatMemory } from '../units';
import {
  groupCapacity,
  orderedEnvironments,
  round1,
  workloadFigures,
} from './derive';
import { table } from './markdown';
import { renderTopologyDiagram } from './mermaid';

/** Requested CPU (millicores) and memory (bytes) at minimum and maximum scale, and node capacity. */
export function capacitySummary(env: EnvironmentPlan) {
  let minCpu = 0;
  let maxCpu = 0;
  let minMem = 0;
  let maxMem = 0;
  for (const w of env.workloads) {
    const f = workloadFigures(w);
    minCpu += f.cpuRequest * f.minReplicas;
    maxCpu += f.cpuRequest * f.maxReplicas;
    minMem += f.memoryRequest * f.minReplicas;
    maxMem += f.memoryRequest * f.maxReplicas;
  }
  const caps = env.compute.nodeGroups.map(groupCapacity);
  const known = caps.every(c => c !== null);
  const sum = (pick: (c: NonNullable<(typeof caps)[number]>) => number) =>
    known ? caps.reduce((s, c) => s + pick(c!), 0) : null;
  return {
    requested: {
      min: { cpu: minCpu, memory: minMem },
      max: { cpu: maxCpu, memory: maxMem },
    },
    allocatable: {
      desired: {
        cpu: sum(c => c.allocatableAtDesired.millicores),
        memory: sum(c => c.allocatableAtDesired.memoryBytes),
      },
      max: {
        cpu: sum(c => c.allocatableAtMax.millicores),
        memory: sum(c => c.allocatableAtMax.memoryBytes),
      },
    },
  };
}

function pct(part: number, whole: number | null): string {
  return whole ? `${Math.round((part / whole) * 100)}%` : 'unknown';
}

function environmentSection(
  name: string,
  env: EnvironmentPlan,
  plan: InfraPlan,
): string {
  const out: string[] = [
    `## Environment: ${name}${name === env.tier ? '' : ` (${env.tier})`}\n\n`,
  ];
  out.push(loadBalancingScalability(env));
  out.push(nodeGroupsScalability(env));
  out.push(workloadAutoscalingScalability(env));

  const cap = capacitySummary(env);
  out.push('\n### Capacity\n\n');
  out.push(
    table(
      [
        'Scale',
        'CPU requested',
        'Memory requested',
        'Share of allocatable CPU',
        'Share of allocatable memory',
      ],
      [
        [
          'Minimum replicas vs desired nodes',
          formatCpu(cap.requested.min.cpu),
          formatMemory(cap.requested.min.memory),
          pct(cap.requested.min.cpu, cap.allocatable.desired.cpu),
          pct(cap.requested.min.memory, cap.allocatable.desired.memory),
        ],
        [
          'Maximum replicas vs max nodes',
          formatCpu(cap.requested.max.cpu),
          formatMemory(cap.requested.max.memory),
          pct(cap.requested.max.cpu, cap.allocatable.max.cpu),
          pct(cap.requested.max.memory, cap.allocatable.max.memory),
        ],
      ],
    ),
  );
  if (cap.allocatable.max.cpu !== null) {
    out.push(
      `\nAllocatable at max size: about ${round1(
        cap.allocatable.max.cpu / 1000,
      )} vCPU and ${formatMemory(
        cap.allocatable.max.memory ?? 0,
      )} (EKS system reservations deducted).\n`,
    );
  }

  out.push('\n### Data tier scaling\n\n');
  out.push(
    table(
      ['Store', 'Engine', 'How it scales', 'Notes'],
      [
        ...databaseScalingRows(env),
        ...cacheScalingRows(env),
        ...bucketScalingRows(env),
        ...queueScalingRows(env),
      ],
    ),
  );

  out.push('\n', cachingStrategyScalability(env));

  const targets = designTargetsScalability(env);
  if (targets) out.push('\n', targets);
  out.push('\n### Topology\n\n');
  out.push(
    `\`\`\`mermaid\n${renderTopologyDiagram(plan, {
      environment: name,
    })}\`\`\`\n`,
  );
  return out.join('');
}

/**
 * Renders `Scalability_Architecture_Design.md` for a plan.
 * @public
 */
export function renderScalabilityArchitectureDesign(plan: InfraPlan): string {
  const envs = orderedEnvironments(plan);
  const out: string[] = [
    `# Scalability Architecture Design: ${plan.metadata.service}\n\n`,
  ];
  out.push(
    `> Generated from \`infra-plan.yaml\`${
      plan.metadata.revision ? ` (revision ${plan.metadata.revision})` : ''
    }.\n\n`,
  );
  out.push('## Summary\n\n');
  out.push(
    table(
      [
        'Environment',
        'Tier',
        'Nodes min–max',
        'Service replicas min–max',
        'Worker replicas min–max',
        'CPU requested at max',
        'Load balancers',
      ],
      envs.map(([name, env]) => {
        const sum = (type: string, pick: 'minReplicas' | 'maxReplicas') =>
          env.workloads
            .filter(w => w.type === type)
            .reduce((s, w) => s + workloadFigures(w)[pick], 0);
        const nodes = env.compute.nodeGroups.reduce(
          (s, g) => [s[0] + g.minSize, s[1] + g.maxSize],
          [0, 0],
        );
        return [
          name,
          env.tier,
          `${nodes[0]}–${nodes[1]}`,
          `${sum('service', 'minReplicas')}–${sum('service', 'maxReplicas')}`,
          `${sum('worker', 'minReplicas')}–${sum('worker', 'maxReplicas')}`,
          formatCpu(capacitySummary(env).requested.max.cpu),
          (env.network.loadBalancers ?? []).length,
        ];
      }),
    ),
  );
  for (const [name, env] of envs)
    out.push('\n', environmentSection(name, env, plan));
  return out.join('').replace(/\n{3,}/g, '\n\n');
}
