/** `Scalability_Architecture_Design.md`: load balancing, autoscaling, capacity and data-tier scaling. */
import type { EnvironmentPlan, InfraPlan } from '../schema';
import { formatCpu, formatMemory } from '../units';
import {
  describeBudget,
  describeTargets,
  groupCapacity,
  orderedEnvironments,
  placement,
  round1,
  workloadFigures,
} from './derive';
import { facts, num, table } from './markdown';
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

function behaviour(
  rules:
    | {
        stabilizationWindow?: string;
        policies?: { type: string; value: number; period: string }[];
      }
    | undefined,
): string {
  if (!rules) return 'default';
  const policies = (rules.policies ?? [])
    .map(
      p => `${p.value}${p.type === 'percent' ? '%' : ' pods'} per ${p.period}`,
    )
    .join(', ');
  return (
    [
      rules.stabilizationWindow ? `window ${rules.stabilizationWindow}` : '',
      policies,
    ]
      .filter(Boolean)
      .join('; ') || 'default'
  );
}

function environmentSection(
  name: string,
  env: EnvironmentPlan,
  plan: InfraPlan,
): string {
  const out: string[] = [
    `## Environment: ${name}${name === env.tier ? '' : ` (${env.tier})`}\n\n`,
  ];
  const azCount = env.network.vpc.availabilityZones.length;

  out.push('### Load balancing\n\n');
  out.push(
    table(
      [
        'Load balancer',
        'Type',
        'Scheme',
        'Listeners',
        'Targets',
        'Idle timeout',
      ],
      (env.network.loadBalancers ?? []).map(lb => [
        lb.name,
        lb.type === 'application' ? 'Application (L7)' : 'Network (L4)',
        lb.scheme,
        lb.listeners.map(l => `${l.protocol} ${l.port}`).join(', '),
        [
          ...new Set([
            ...(lb.targets ?? []),
            ...env.workloads
              .filter(w => w.expose?.loadBalancer === lb.name)
              .map(w => w.name),
          ]),
        ].join(', '),
        lb.idleTimeout ?? 'default',
      ]),
    ),
  );
  if ((env.network.loadBalancers ?? []).length) {
    out.push(
      `\nLoad balancers span all ${azCount} availability zones (${env.network.vpc.availabilityZones.join(
        ', ',
      )}) and route to pod IPs (target type ip), so new replicas receive traffic as soon as they pass their readiness probe.\n\n`,
    );
  } else {
    out.push(
      '\nNo load balancer: the workloads take no inbound traffic from outside the cluster.\n\n',
    );
  }

  out.push('### Node groups\n\n');
  out.push(
    table(
      [
        'Node group',
        'Instance types',
        'Min',
        'Desired',
        'Max',
        'vCPU at min / max',
        'Memory GiB at min / max',
        'Nodes replaced at once',
      ],
      env.compute.nodeGroups.map(g => {
        const cap = groupCapacity(g);
        return [
          g.name,
          g.instanceTypes.join(', '),
          g.minSize,
          g.desiredSize,
          g.maxSize,
          cap ? `${cap.vcpu.min} / ${cap.vcpu.max}` : 'unknown',
          cap ? `${cap.memoryGiB.min} / ${cap.memoryGiB.max}` : 'unknown',
          g.maxUnavailable ?? 1,
        ];
      }),
    ),
  );
  out.push(
    // No cluster autoscaler (or Karpenter) is generated: say what is true.
    '\nNode groups run at their desired size: nothing in the generated repository adds or removes nodes automatically. Raise `desiredSize` (within min and max) when pods stay pending.\n\n',
  );

  out.push('### Workload autoscaling\n\n');
  out.push(
    table(
      [
        'Workload',
        'Node group',
        'Replicas',
        'HPA min–max',
        'Targets',
        'Scale up',
        'Scale down',
        'Disruption budget',
      ],
      env.workloads.map(w => {
        const hpa = w.autoscaling;
        return [
          w.name,
          placement(env, w) ?? 'unschedulable',
          w.replicas,
          hpa ? `${hpa.minReplicas}–${hpa.maxReplicas}` : 'fixed',
          describeTargets(w).join(', '),
          hpa ? behaviour(hpa.behavior?.scaleUp) : '',
          hpa ? behaviour(hpa.behavior?.scaleDown) : '',
          describeBudget(w) ?? 'none',
        ];
      }),
    ),
  );

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

  const d = env.data ?? {};
  out.push('\n### Data tier scaling\n\n');
  const rows: unknown[][] = [
    ...(d.databases ?? []).map(db => [
      `database ${db.name}`,
      `${db.engine} ${db.version} on ${db.instanceClass}`,
      `vertical (instance class); ${db.readReplicas ?? 0} read replica${
        db.readReplicas === 1 ? '' : 's'
      }${db.multiAz ? '; multi-AZ standby' : ''}`,
      db.storage.max
        ? `storage autoscaling ${db.storage.allocated} → ${db.storage.max}`
        : `fixed ${db.storage.allocated}`,
    ]),
    ...(d.caches ?? []).map(c => {
      const shards = c.shards ?? 1;
      const nodes = shards * (1 + (c.replicasPerShard ?? 0));
      const perNode = c.nodeType;
      return [
        `cache ${c.name}`,
        `${c.engine} ${c.version}`,
        `${shards} shard${shards === 1 ? '' : 's'} × ${
          1 + (c.replicasPerShard ?? 0)
        } nodes = ${nodes} × ${perNode}`,
        c.evictionPolicy ? `eviction ${c.evictionPolicy}` : '',
      ];
    }),
    ...(d.objectStorage ?? []).map(b => [
      `bucket ${b.name}`,
      'S3',
      'scales automatically',
      (b.lifecycle ?? [])
        .flatMap(r =>
          (r.transitions ?? []).map(t => `${t.storageClass} after ${t.after}`),
        )
        .join(', '),
    ]),
    ...(d.queues ?? []).map(q => {
      const consumers = env.workloads.filter(
        w => w.autoscaling?.targets.queue?.name === q.name,
      );
      return [
        `queue ${q.name}`,
        q.fifo ? 'SQS FIFO' : 'SQS standard',
        consumers.length
          ? consumers
              .map(
                w =>
                  `${w.name} scales ${w.autoscaling!.minReplicas}–${
                    w.autoscaling!.maxReplicas
                  } at ${
                    w.autoscaling!.targets.queue!.messagesPerReplica
                  } messages per replica`,
              )
              .join('; ')
          : 'no queue-driven consumer',
        q.deadLetter
          ? `dead-letter after ${q.deadLetter.maxReceives} receives`
          : '',
      ];
    }),
  ];
  out.push(table(['Store', 'Engine', 'How it scales', 'Notes'], rows));

  const caches = d.caches ?? [];
  out.push('\n### Caching strategy\n\n');
  out.push(
    caches.length
      ? facts(
          caches.map(c => {
            const users = env.workloads
              .filter(w => (w.uses ?? []).includes(c.name))
              .map(w => w.name);
            return [
              `${c.name}`,
              `${c.engine} ${c.version} on ${c.nodeType}${
                users.length ? `, used by ${users.join(', ')}` : ''
              }${c.evictionPolicy ? `; evicts ${c.evictionPolicy}` : ''}${
                c.multiAz ? '; fails over across zones' : ''
              }`,
            ] as [string, string];
          }),
        )
      : 'No shared cache: every read goes to the data store or is cached in process.\n',
  );

  const slos = env.slos;
  if (slos) {
    out.push('\n### Targets the design must carry\n\n');
    out.push(
      facts([
        ['Availability', `${slos.availability}% over ${slos.window ?? '30d'}`],
        ['p95 latency', slos.latencyP95],
        [
          'Throughput',
          slos.throughputRps !== undefined
            ? `${num(slos.throughputRps)} req/s`
            : undefined,
        ],
        [
          'Throughput per replica at max scale',
          slos.throughputRps !== undefined
            ? (() => {
                const replicas = env.workloads
                  .filter(w => w.type === 'service')
                  .reduce((s, w) => s + workloadFigures(w).maxReplicas, 0);
                return replicas
                  ? `${round1(
                      slos.throughputRps / replicas,
                    )} req/s across ${replicas} service replicas`
                  : undefined;
              })()
            : undefined,
        ],
      ]),
    );
  }
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
