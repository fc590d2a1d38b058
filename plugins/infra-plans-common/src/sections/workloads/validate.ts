/**
 * Workload rules: ports, requests within limits, probes, autoscaling,
 * disruption budgets, exposure on load balancers, references to data stores
 * and secrets, and pinned image tags.
 */
import type { PathSegment } from '../../issues';
import {
  formatCpu,
  formatMemory,
  parseCpu,
  parseMemory,
  resolveIntOrPercent,
} from '../../units';
import type { EnvContext } from '../shared/ruleContext';
import { checkUniqueNames, requireForTier } from '../shared/ruleHelpers';
import type { Probe, Workload } from './schema';

/** Workload rules: resources, probes, autoscaling, disruption budgets, references. */
export function checkWorkloads(ctx: EnvContext): void {
  const sink = ctx.sink.at('workloads');
  const workloads = ctx.env.workloads;
  checkUniqueNames(sink, [], workloads, 'workload');
  const lbs = new Map(
    (ctx.env.network.loadBalancers ?? []).map(lb => [lb.name, lb]),
  );
  const queues = new Set((ctx.env.data?.queues ?? []).map(q => q.name));
  const secretItems = ctx.env.security?.secrets?.items;

  workloads.forEach((w, index) => {
    const at = (...segments: PathSegment[]) => [index, ...segments];
    checkUniqueNames(
      sink,
      at('ports'),
      w.ports,
      'port',
      p => String(p.containerPort),
      'containerPort',
    );
    if (w.type === 'service' && !(w.ports ?? []).length) {
      sink.error(
        'workload-ports',
        at('ports'),
        `service workload ${w.name} declares no ports`,
        'add ports: [{ name: http, containerPort: 8080 }], or make it type: worker',
      );
    }

    // Requests and limits.
    const limits = w.resources.limits;
    const reqCpu = parseCpu(w.resources.requests.cpu);
    const reqMem = parseMemory(w.resources.requests.memory);
    if (limits?.cpu !== undefined) {
      const limCpu = parseCpu(limits.cpu);
      if (reqCpu !== undefined && limCpu !== undefined && reqCpu > limCpu) {
        sink.error(
          'requests-within-limits',
          at('resources', 'requests', 'cpu'),
          `workload ${w.name} requests ${formatCpu(
            reqCpu,
          )} CPU but is limited to ${formatCpu(limCpu)}`,
          'a request cannot exceed its limit; raise the limit or lower the request',
        );
      }
    }
    if (limits?.memory !== undefined) {
      const limMem = parseMemory(limits.memory);
      if (reqMem !== undefined && limMem !== undefined && reqMem > limMem) {
        sink.error(
          'requests-within-limits',
          at('resources', 'requests', 'memory'),
          `workload ${w.name} requests ${formatMemory(
            reqMem,
          )} memory but is limited to ${formatMemory(limMem)}`,
          'a request cannot exceed its limit; raise the limit or lower the request',
        );
      }
    } else {
      requireForTier(
        ctx,
        'memory-limits',
        ['workloads', index, 'resources', 'limits'],
        `workload ${w.name} has no memory limit`,
        'set resources.limits.memory (equal to the request gives predictable OOM behaviour)',
      );
    }

    // Probes.
    const probes = w.probes ?? {};
    for (const kind of ['liveness', 'readiness', 'startup'] as const) {
      const probe = probes[kind];
      if (probe) checkProbePort(ctx, w, probe, [index, 'probes', kind]);
    }
    const missing = [
      probes.liveness ? undefined : 'liveness',
      w.type === 'service' && !probes.readiness ? 'readiness' : undefined,
    ].filter(Boolean);
    if (missing.length > 0) {
      requireForTier(
        ctx,
        'probes',
        ['workloads', index, 'probes'],
        `workload ${w.name} has no ${missing.join(' or ')} probe`,
        'add probes.liveness (restart when stuck) and, for services, probes.readiness (stop traffic while not ready)',
      );
    }

    // Autoscaling.
    const hpa = w.autoscaling;
    let minReplicas = w.replicas;
    if (hpa) {
      minReplicas = hpa.minReplicas;
      if (hpa.minReplicas < 1) {
        sink.error(
          'hpa-bounds',
          at('autoscaling', 'minReplicas'),
          `workload ${w.name}: HPA minReplicas is ${hpa.minReplicas}`,
          'minReplicas is at least 1',
        );
      }
      if (hpa.minReplicas > hpa.maxReplicas) {
        sink.error(
          'hpa-bounds',
          at('autoscaling', 'maxReplicas'),
          `workload ${w.name}: HPA maxReplicas ${hpa.maxReplicas} is below minReplicas ${hpa.minReplicas}`,
          'HPA bounds must satisfy minReplicas ≤ maxReplicas',
        );
      } else if (w.replicas < hpa.minReplicas || w.replicas > hpa.maxReplicas) {
        sink.error(
          'replicas-within-hpa',
          at('replicas'),
          `workload ${w.name}: replicas ${w.replicas} is outside the HPA bounds ${hpa.minReplicas}–${hpa.maxReplicas}`,
          `set replicas between ${hpa.minReplicas} and ${hpa.maxReplicas} (it is the starting size before the HPA takes over)`,
        );
      }
      const targets = hpa.targets;
      if (
        targets.cpuUtilization === undefined &&
        targets.memoryUtilization === undefined &&
        targets.requestsPerSecond === undefined &&
        targets.queue === undefined
      ) {
        sink.error(
          'hpa-targets',
          at('autoscaling', 'targets'),
          `workload ${w.name}: the HPA has no target to scale on`,
          'set targets.cpuUtilization (e.g. 70), memoryUtilization, requestsPerSecond or queue',
        );
      }
      for (const key of ['cpuUtilization', 'memoryUtilization'] as const) {
        const value = targets[key];
        if (
          value !== undefined &&
          !(Number.isInteger(value) && value >= 1 && value <= 100)
        ) {
          sink.error(
            'hpa-targets',
            at('autoscaling', 'targets', key),
            `workload ${w.name}: ${key} target ${value} is not a whole percentage in 1–100`,
            'write the target average utilisation of the requests in percent, e.g. 70',
          );
        }
      }
      if (targets.queue && !queues.has(targets.queue.name)) {
        sink.error(
          'workload-references',
          at('autoscaling', 'targets', 'queue', 'name'),
          `workload ${w.name} scales on queue ${targets.queue.name}, which is not defined`,
          'define the queue under data.queues',
        );
      }
    } else if (w.type === 'service') {
      requireForTier(
        ctx,
        'autoscaling',
        ['workloads', index],
        `service workload ${w.name} has a fixed replica count`,
        'add autoscaling with minReplicas, maxReplicas and a CPU target',
      );
    }

    // Disruption budget.
    const pdb = w.disruptionBudget;
    if (pdb) {
      if (pdb.minAvailable !== undefined) {
        const value = resolveIntOrPercent(pdb.minAvailable, minReplicas, 'up');
        if (value !== undefined && value >= minReplicas) {
          sink.error(
            'disruption-budget',
            at('disruptionBudget', 'minAvailable'),
            `workload ${w.name}: minAvailable ${
              pdb.minAvailable
            } with ${minReplicas} replica${
              minReplicas === 1 ? '' : 's'
            } leaves no pod that may be evicted, which blocks node drains and upgrades`,
            minReplicas > 1
              ? `set minAvailable below ${minReplicas}, or use maxUnavailable: 1`
              : 'run at least two replicas, or drop the disruption budget',
          );
        }
      } else if (pdb.maxUnavailable !== undefined) {
        const value = resolveIntOrPercent(
          pdb.maxUnavailable,
          minReplicas,
          'up',
        );
        if (value === 0) {
          sink.error(
            'disruption-budget',
            at('disruptionBudget', 'maxUnavailable'),
            `workload ${w.name}: maxUnavailable ${pdb.maxUnavailable} never allows an eviction, which blocks node drains and upgrades`,
            'use maxUnavailable: 1',
          );
        }
      }
    } else if (Math.max(w.replicas, minReplicas) > 1) {
      requireForTier(
        ctx,
        'disruption-budget',
        ['workloads', index],
        `workload ${w.name} runs several replicas without a disruption budget`,
        'add disruptionBudget: { maxUnavailable: 1 } so node drains keep it serving',
      );
    }

    // Exposure through a load balancer.
    if (w.expose) {
      const lb = lbs.get(w.expose.loadBalancer);
      if (!lb) {
        sink.error(
          'workload-expose',
          at('expose', 'loadBalancer'),
          `workload ${w.name} is exposed on load balancer ${w.expose.loadBalancer}, which is not defined`,
          `define it under network.loadBalancers or use one of: ${
            [...lbs.keys()].join(', ') || '(none)'
          }`,
        );
      } else if (lb.type === 'network' && (w.expose.host || w.expose.path)) {
        sink.error(
          'workload-expose',
          at('expose'),
          `workload ${w.name} routes by host/path on network load balancer ${lb.name}`,
          'host and path routing need an application load balancer',
        );
      }
      if (w.expose.port !== undefined && !portDeclared(w, w.expose.port)) {
        sink.error(
          'workload-expose',
          at('expose', 'port'),
          `workload ${w.name} is exposed on port ${w.expose.port}, which it does not declare`,
          `use one of its ports: ${describePorts(w)}`,
        );
      }
    }

    // References to data stores and secrets.
    (w.uses ?? []).forEach((name, ui) => {
      if (!ctx.dataStores.has(name)) {
        sink.error(
          'workload-references',
          at('uses', ui),
          `workload ${w.name} uses ${name}, which is not a database, cache, bucket or queue of this environment`,
          `define ${name} under data, or use one of: ${
            [...ctx.dataStores.keys()].join(', ') || '(none)'
          }`,
        );
      }
    });
    if (secretItems) {
      const known = new Set(secretItems.map(s => s.name));
      (w.secrets ?? []).forEach((name, si) => {
        if (!known.has(name)) {
          sink.error(
            'workload-references',
            at('secrets', si),
            `workload ${w.name} mounts secret ${name}, which security.secrets.items does not list`,
            'add it to security.secrets.items so it is created and rotated',
          );
        }
      });
    }

    // Image tags.
    if (ctx.tier !== 'development') {
      const tail = w.image.slice(w.image.lastIndexOf('/') + 1);
      const digest = w.image.includes('@sha256:');
      const tag = tail.includes(':')
        ? tail.slice(tail.indexOf(':') + 1)
        : undefined;
      if (!digest && (tag === undefined || tag === 'latest')) {
        sink.warning(
          'image-tag',
          at('image'),
          `workload ${w.name} uses ${
            tag ? 'the mutable tag latest' : 'no tag (latest)'
          } in ${ctx.tier}`,
          'pin a version tag or a digest so rollbacks redeploy the same image',
        );
      }
    }
  });
}

function portDeclared(w: Workload, port: number | string): boolean {
  return (w.ports ?? []).some(p =>
    typeof port === 'number' ? p.containerPort === port : p.name === port,
  );
}

function describePorts(w: Workload): string {
  const ports = (w.ports ?? []).map(p =>
    p.name ? `${p.name} (${p.containerPort})` : String(p.containerPort),
  );
  return ports.join(', ') || '(none declared)';
}

function checkProbePort(
  ctx: EnvContext,
  w: Workload,
  probe: Probe,
  segments: PathSegment[],
): void {
  const kind = (['http', 'tcp', 'grpc'] as const).find(
    k => probe[k] !== undefined,
  );
  const check = kind && probe[kind];
  if (!kind || !check) return;
  if (!portDeclared(w, check.port)) {
    ctx.sink.error(
      'probe-port',
      ['workloads', ...segments, kind, 'port'],
      `workload ${w.name}: ${segments[segments.length - 1]} probe checks port ${
        check.port
      }, which the workload does not declare`,
      `use one of its ports: ${describePorts(w)}`,
    );
  }
}
