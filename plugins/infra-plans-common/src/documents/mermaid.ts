/**
 * Mermaid `flowchart` of one environment's topology: the VPC with a
 * subgraph per availability zone holding its subnets, load balancers, the
 * EKS cluster with a subgraph per node group holding its workloads, data
 * stores, and edges internet → load balancers → workloads → data stores.
 */
import type { EnvironmentPlan, InfraPlan } from '../schema';
import { formatCpu } from '../units';
import {
  SUBNET_TIERS,
  orderedEnvironments,
  placement,
  workloadFigures,
} from './derive';

/**
 * Makes text safe inside a double-quoted Mermaid label: `"` and the
 * characters Mermaid or its HTML labels would interpret become entity codes
 * (`#quot;`, `#35;`, `#lt;`…); line breaks become spaces.
 * @public
 */
export function escapeMermaidLabel(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/&/g, '#amp;')
    .replace(/\|/g, '#124;')
    .replace(/`/g, '#96;')
    .replace(/[\r\n]+/g, ' ');
}

class Ids {
  private readonly used = new Set<string>();
  private readonly byKey = new Map<string, string>();

  /** A stable node id of `[A-Za-z0-9_]` only, unique within the diagram. */
  get(prefix: string, name: string): string {
    const key = `${prefix}\u0000${name}`;
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const base = `${prefix}_${
      name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'x'
    }`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    this.byKey.set(key, id);
    return id;
  }
}

const q = (text: string) => `"${escapeMermaidLabel(text)}"`;

/** Options for {@link renderTopologyDiagram}. @public */
export interface TopologyDiagramOptions {
  /** Environment to draw; default the first production environment, else the first. */
  environment?: string;
  /** Flow direction; default TB (top to bottom). */
  direction?: 'TB' | 'LR';
}

function pickEnvironment(
  plan: InfraPlan,
  name?: string,
): [string, EnvironmentPlan] {
  if (name) {
    const env = plan.spec.environments[name];
    if (!env) throw new Error(`The plan has no environment ${name}`);
    return [name, env];
  }
  const ordered = orderedEnvironments(plan);
  return ordered.find(([, env]) => env.tier === 'production') ?? ordered[0];
}

/**
 * The Mermaid flowchart source (without code fences) for one environment.
 * @public
 */
export function renderTopologyDiagram(
  plan: InfraPlan,
  options: TopologyDiagramOptions = {},
): string {
  const [envName, env] = pickEnvironment(plan, options.environment);
  const ids = new Ids();
  const lines: string[] = [`flowchart ${options.direction ?? 'TB'}`];
  const edges: string[] = [];
  const net = env.network;
  const internet = ids.get('ext', 'internet');
  const hasPublicLb = (net.loadBalancers ?? []).some(
    lb => lb.scheme === 'internet-facing',
  );
  if (hasPublicLb) lines.push(`  ${internet}((${q('Internet')}))`);

  const vpc = ids.get('vpc', envName);
  lines.push(
    `  subgraph ${vpc}[${q(
      `VPC ${net.vpc.cidr} · ${envName}${
        envName === env.tier ? '' : ` (${env.tier})`
      } · ${env.region}`,
    )}]`,
  );
  lines.push('    direction TB');

  // Availability zones and their subnets.
  for (const az of net.vpc.availabilityZones) {
    lines.push(`    subgraph ${ids.get('az', az)}[${q(az)}]`);
    lines.push('      direction TB');
    for (const tier of SUBNET_TIERS) {
      for (const subnet of net.subnets[tier] ?? []) {
        if (subnet.az !== az) continue;
        lines.push(
          `      ${ids.get(`sn_${tier}`, az)}[${q(`${tier} ${subnet.cidr}`)}]`,
        );
      }
    }
    lines.push('    end');
  }

  // Load balancers, placed in their subnet tier.
  for (const lb of net.loadBalancers ?? []) {
    const id = ids.get('lb', lb.name);
    const listeners = lb.listeners
      .map(l => `${l.protocol}:${l.port}`)
      .join(', ');
    const kind = lb.type === 'application' ? 'ALB' : 'NLB';
    lines.push(
      `    ${id}[${q(`${kind} ${lb.name} · ${lb.scheme} · ${listeners}`)}]`,
    );
    if (lb.scheme === 'internet-facing') edges.push(`  ${internet} --> ${id}`);
    const tier =
      lb.subnets ?? (lb.scheme === 'internet-facing' ? 'public' : 'private');
    for (const subnet of net.subnets[tier] ?? []) {
      edges.push(`  ${ids.get(`sn_${tier}`, subnet.az)} -.- ${id}`);
    }
  }

  // Cluster, node groups and the workloads they run.
  const cluster = ids.get('eks', envName);
  lines.push(
    `    subgraph ${cluster}[${q(
      `EKS ${env.compute.cluster.kubernetesVersion}`,
    )}]`,
  );
  lines.push('      direction TB');
  for (const group of env.compute.nodeGroups) {
    const id = ids.get('ng', group.name);
    const taints = (group.taints ?? [])
      .map(t => `${t.key}=${t.value ?? ''}:${t.effect}`)
      .join(', ');
    lines.push(
      `      subgraph ${id}[${q(
        `node group ${group.name} · ${group.instanceTypes.join('/')} · ${
          group.minSize
        }–${group.desiredSize}–${group.maxSize}${
          taints ? ` · taint ${taints}` : ''
        }`,
      )}]`,
    );
    for (const w of env.workloads) {
      if (placement(env, w) !== group.name) continue;
      const f = workloadFigures(w);
      const replicas =
        f.minReplicas === f.maxReplicas
          ? `×${f.minReplicas}`
          : `×${f.minReplicas}–${f.maxReplicas}`;
      const ports = (w.ports ?? []).map(p => `:${p.containerPort}`).join(' ');
      lines.push(
        `        ${ids.get('wl', w.name)}[${q(
          `${w.name} ${replicas} · ${formatCpu(f.cpuRequest)} CPU${
            ports ? ` · ${ports}` : ''
          }`,
        )}]`,
      );
    }
    lines.push('      end');
    for (const subnet of net.subnets.private) {
      edges.push(`  ${ids.get('sn_private', subnet.az)} -.- ${id}`);
    }
  }
  const unplaced = env.workloads.filter(w => placement(env, w) === null);
  for (const w of unplaced)
    lines.push(
      `      ${ids.get('wl', w.name)}[${q(`${w.name} (unschedulable)`)}]`,
    );
  lines.push('    end');

  // Data stores inside the VPC.
  const data = env.data ?? {};
  for (const db of data.databases ?? []) {
    const id = ids.get('db', db.name);
    lines.push(
      `    ${id}[(${q(
        `RDS ${db.name} · ${db.engine} ${db.version} · ${db.instanceClass}${
          db.multiAz ? ' · multi-AZ' : ''
        }${
          db.readReplicas
            ? ` · ${db.readReplicas} replica${db.readReplicas > 1 ? 's' : ''}`
            : ''
        }`,
      )})]`,
    );
    for (const subnet of net.subnets.database ?? [])
      edges.push(`  ${ids.get('sn_database', subnet.az)} -.- ${id}`);
  }
  for (const cache of data.caches ?? []) {
    lines.push(
      `    ${ids.get('ds', cache.name)}[(${q(
        `ElastiCache ${cache.name} · ${cache.engine} ${cache.version} · ${cache.nodeType}`,
      )})]`,
    );
  }
  lines.push('  end');

  // Regional services outside the VPC.
  for (const bucket of data.objectStorage ?? []) {
    lines.push(
      `  ${ids.get('ds', bucket.name)}[(${q(
        `S3 ${bucket.name}${bucket.versioning ? ' · versioned' : ''}`,
      )})]`,
    );
  }
  for (const queue of data.queues ?? []) {
    lines.push(
      `  ${ids.get('ds', queue.name)}[[${q(
        `SQS ${queue.name}${queue.fifo ? ' (FIFO)' : ''}`,
      )}]]`,
    );
  }

  // Traffic and data flows.
  for (const lb of net.loadBalancers ?? []) {
    const targets = new Set([
      ...(lb.targets ?? []),
      ...env.workloads
        .filter(w => w.expose?.loadBalancer === lb.name)
        .map(w => w.name),
    ]);
    for (const target of targets) {
      if (!env.workloads.some(w => w.name === target)) continue;
      const listener =
        lb.listeners.find(
          l => l.protocol === 'HTTPS' || l.protocol === 'TLS',
        ) ?? lb.listeners[0];
      edges.push(
        `  ${ids.get('lb', lb.name)} -->|${q(
          `${listener.protocol} ${listener.port}`,
        )}| ${ids.get('wl', target)}`,
      );
    }
  }
  const dbNames = new Set((data.databases ?? []).map(d => d.name));
  const queueNames = new Set((data.queues ?? []).map(d => d.name));
  for (const w of env.workloads) {
    const consumed = w.autoscaling?.targets.queue?.name;
    for (const store of w.uses ?? []) {
      if (store === consumed) continue;
      const id = dbNames.has(store)
        ? ids.get('db', store)
        : ids.get('ds', store);
      if (
        dbNames.has(store) ||
        (env.data &&
          [
            ...(data.caches ?? []),
            ...(data.objectStorage ?? []),
            ...(data.queues ?? []),
          ].some(s => s.name === store))
      ) {
        edges.push(`  ${ids.get('wl', w.name)} --> ${id}`);
      }
    }
    if (consumed && queueNames.has(consumed)) {
      edges.push(
        `  ${ids.get('ds', consumed)} -->|${q('consumed by')}| ${ids.get(
          'wl',
          w.name,
        )}`,
      );
    }
  }
  return `${[...lines, ...edges].join('\n')}\n`;
}
