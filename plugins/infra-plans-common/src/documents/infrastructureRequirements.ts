/** `Infrastructure_Requirements.md`: the reviewer's view of the whole plan. */
import type { EnvironmentPlan, InfraPlan } from '../schema';
import { formatCpu, formatMemory } from '../units';
import { validatePlan } from '../validate';
import {
  SUBNET_TIERS,
  describeBudget,
  describePeer,
  describePorts,
  describeProbe,
  describeTargets,
  groupCapacity,
  orderedEnvironments,
  usableAddresses,
  workloadFigures,
} from './derive';
import { facts, num, table, usd, yesNo } from './markdown';
import { renderTopologyDiagram } from './mermaid';

function network(name: string, env: EnvironmentPlan, plan: InfraPlan): string {
  const net = env.network;
  const out: string[] = ['### Network\n\n'];
  out.push(
    facts([
      ['VPC', net.vpc.cidr],
      ['Availability zones', net.vpc.availabilityZones.join(', ')],
      ['NAT gateways', net.vpc.natGateways ?? 'unspecified'],
      ['Flow logs', yesNo(net.vpc.flowLogs)],
    ]),
  );
  out.push('\n#### Subnets\n\n');
  out.push(
    table(
      ['Tier', 'Availability zone', 'CIDR', 'Usable addresses'],
      SUBNET_TIERS.flatMap(tier =>
        (net.subnets[tier] ?? []).map(s => {
          const usable = usableAddresses(s.cidr);
          return [
            tier,
            s.az,
            s.cidr,
            usable === null ? 'invalid' : num(usable),
          ];
        }),
      ),
    ),
  );
  out.push('\n#### Load balancers\n\n');
  out.push(
    table(
      ['Name', 'Type', 'Scheme', 'Listeners', 'Targets', 'Security groups'],
      (net.loadBalancers ?? []).map(lb => [
        lb.name,
        lb.type,
        lb.scheme,
        lb.listeners
          .map(
            l =>
              `${l.protocol} ${l.port}${l.redirectToHttps ? ' → HTTPS' : ''}`,
          )
          .join(', '),
        [
          ...(lb.targets ?? []),
          ...env.workloads
            .filter(
              w =>
                w.expose?.loadBalancer === lb.name &&
                !(lb.targets ?? []).includes(w.name),
            )
            .map(w => w.name),
        ].join(', '),
        (lb.securityGroups ?? []).join(', '),
      ]),
    ),
  );
  out.push('\n#### Security groups\n\n');
  out.push(
    table(
      ['Group', 'Direction', 'Protocol', 'Ports', 'Peer', 'Description'],
      (net.securityGroups ?? []).flatMap(g =>
        (['ingress', 'egress'] as const).flatMap(dir =>
          (g[dir] ?? []).map(r => [
            g.name,
            dir,
            r.protocol,
            describePorts(r.protocol, r.ports),
            describePeer(r),
            r.description ?? r.name ?? g.description,
          ]),
        ),
      ),
    ),
  );
  if ((net.nacls ?? []).length) {
    out.push('\n#### Network ACLs\n\n');
    out.push(
      table(
        [
          'ACL',
          'Subnets',
          'Direction',
          'Rule',
          'Protocol',
          'Ports',
          'CIDR',
          'Action',
        ],
        (net.nacls ?? []).flatMap(n =>
          (['ingress', 'egress'] as const).flatMap(dir =>
            (n[dir] ?? []).map(r => [
              n.name,
              n.subnets,
              dir,
              r.rule,
              r.protocol,
              describePorts(r.protocol, r.ports),
              r.cidr,
              r.action,
            ]),
          ),
        ),
      ),
    );
  }
  out.push('\n#### Topology\n\n');
  out.push(
    `\`\`\`mermaid\n${renderTopologyDiagram(plan, {
      environment: name,
    })}\`\`\`\n`,
  );
  return out.join('');
}

function compute(env: EnvironmentPlan): string {
  const c = env.compute;
  const rows = c.nodeGroups.map(g => {
    const cap = groupCapacity(g);
    return [
      g.name,
      g.instanceTypes.join(', '),
      g.capacityType ?? 'on-demand',
      g.minSize,
      g.desiredSize,
      g.maxSize,
      cap ? `${cap.vcpu.min}–${cap.vcpu.max}` : 'unknown type',
      cap ? `${cap.memoryGiB.min}–${cap.memoryGiB.max}` : 'unknown type',
      (g.taints ?? [])
        .map(t => `${t.key}=${t.value ?? ''}:${t.effect}`)
        .join(', '),
    ];
  });
  return [
    '### Compute\n\n',
    facts([
      [
        'Cluster',
        `Amazon EKS ${c.cluster.kubernetesVersion}${
          c.cluster.name ? ` (${c.cluster.name})` : ''
        }`,
      ],
      ['API endpoint', c.cluster.endpointAccess],
      ['Add-ons', c.cluster.addons?.join(', ')],
    ]),
    '\n',
    table(
      [
        'Node group',
        'Instance types',
        'Capacity',
        'Min',
        'Desired',
        'Max',
        'vCPU (min–max)',
        'Memory GiB (min–max)',
        'Taints',
      ],
      rows,
    ),
  ].join('');
}

function workloads(env: EnvironmentPlan): string {
  const rows = env.workloads.map(w => {
    const f = workloadFigures(w);
    const hpa = w.autoscaling;
    return [
      w.name,
      w.type,
      w.image,
      (w.ports ?? [])
        .map(p => `${p.containerPort}${p.name ? ` (${p.name})` : ''}`)
        .join(', '),
      w.replicas,
      `${formatCpu(f.cpuRequest)} / ${
        f.cpuLimit === null ? '—' : formatCpu(f.cpuLimit)
      }`,
      `${formatMemory(f.memoryRequest)} / ${
        f.memoryLimit === null ? '—' : formatMemory(f.memoryLimit)
      }`,
      [
        describeProbe(w.probes?.liveness) &&
          `liveness: ${describeProbe(w.probes?.liveness)}`,
        describeProbe(w.probes?.readiness) &&
          `readiness: ${describeProbe(w.probes?.readiness)}`,
      ]
        .filter(Boolean)
        .join('; '),
      hpa
        ? `${hpa.minReplicas}–${hpa.maxReplicas} on ${describeTargets(w).join(
            ', ',
          )}`
        : 'fixed',
      describeBudget(w),
    ];
  });
  return [
    '### Workloads\n\n',
    table(
      [
        'Workload',
        'Type',
        'Image',
        'Ports',
        'Replicas',
        'CPU request / limit',
        'Memory request / limit',
        'Probes',
        'Autoscaling',
        'Disruption budget',
      ],
      rows,
    ),
  ].join('');
}

function data(env: EnvironmentPlan): string {
  const d = env.data ?? {};
  const out = ['### Data\n\n'];
  out.push('\n#### Databases\n\n');
  out.push(
    table(
      [
        'Name',
        'Engine',
        'Instance class',
        'Storage',
        'Multi-AZ',
        'Read replicas',
        'Backup retention',
        'Backup window',
        'PITR',
        'Deletion protection',
      ],
      (d.databases ?? []).map(db => [
        db.name,
        `${db.engine} ${db.version}`,
        db.instanceClass,
        `${db.storage.allocated}${
          db.storage.max ? ` → ${db.storage.max}` : ''
        } ${db.storage.type ?? ''}`.trim(),
        yesNo(db.multiAz),
        db.readReplicas ?? 0,
        db.backup?.retention ?? 'none',
        db.backup?.window,
        yesNo(db.backup?.pointInTimeRecovery),
        yesNo(db.deletionProtection),
      ]),
    ),
  );
  out.push('\n#### Caches\n\n');
  out.push(
    table(
      [
        'Name',
        'Engine',
        'Node type',
        'Shards',
        'Replicas per shard',
        'Multi-AZ',
        'Eviction',
      ],
      (d.caches ?? []).map(c => [
        c.name,
        `${c.engine} ${c.version}`,
        c.nodeType,
        c.shards ?? 1,
        c.replicasPerShard ?? 0,
        yesNo(c.multiAz),
        c.evictionPolicy,
      ]),
    ),
  );
  out.push('\n#### Object storage\n\n');
  out.push(
    table(
      ['Bucket', 'Versioning', 'Encryption', 'Lifecycle', 'Replication'],
      (d.objectStorage ?? []).map(b => [
        b.name,
        yesNo(b.versioning),
        b.encryption,
        (b.lifecycle ?? [])
          .map(r =>
            [
              ...(r.transitions ?? []).map(
                t => `${t.storageClass} after ${t.after}`,
              ),
              r.expiration ? `expire after ${r.expiration}` : '',
            ]
              .filter(Boolean)
              .join(', '),
          )
          .join('; '),
        b.replication?.region,
      ]),
    ),
  );
  if ((d.queues ?? []).length) {
    out.push('\n#### Queues\n\n');
    out.push(
      table(
        [
          'Queue',
          'Type',
          'Visibility timeout',
          'Retention',
          'Dead-letter after',
        ],
        (d.queues ?? []).map(qu => [
          qu.name,
          qu.fifo ? 'SQS FIFO' : 'SQS standard',
          qu.visibilityTimeout,
          qu.retention,
          qu.deadLetter ? `${qu.deadLetter.maxReceives} receives` : 'no DLQ',
        ]),
      ),
    );
  }
  return out.join('');
}

function operations(env: EnvironmentPlan): string {
  const out: string[] = [];
  const del = env.delivery;
  out.push('### Delivery\n\n');
  out.push(
    del
      ? facts([
          ['Strategy', del.strategy],
          [
            'Rolling update',
            del.rolling &&
              `maxSurge ${del.rolling.maxSurge}, maxUnavailable ${del.rolling.maxUnavailable}`,
          ],
          [
            'Blue-green',
            del.blueGreen &&
              `auto-promote ${yesNo(
                del.blueGreen.autoPromote,
              )}, scale-down delay ${
                del.blueGreen.scaleDownDelay ?? 'default'
              }`,
          ],
          [
            'Canary steps',
            del.canary?.steps
              .map(s => `${s.weight}%${s.pause ? ` (pause ${s.pause})` : ''}`)
              .join(' → '),
          ],
          [
            'Canary analysis',
            del.canary?.analysis &&
              [
                del.canary.analysis.successRate !== undefined
                  ? `success rate ≥ ${del.canary.analysis.successRate}%`
                  : '',
                del.canary.analysis.maxLatencyP95
                  ? `p95 ≤ ${del.canary.analysis.maxLatencyP95}`
                  : '',
              ]
                .filter(Boolean)
                .join(', '),
          ],
          [
            'Rollback',
            del.rollback &&
              `${del.rollback.automatic ? 'automatic; ' : ''}${
                del.rollback.procedure
              }`,
          ],
          ['Rollback triggers', del.rollback?.triggers?.join('; ')],
          [
            'Approvals',
            del.approvals &&
              (del.approvals.required
                ? `required${
                    del.approvals.approvers
                      ? ` (${del.approvals.approvers.join(', ')})`
                      : ''
                  }`
                : 'not required'),
          ],
        ])
      : '_Not specified._\n',
  );
  const obs = env.observability;
  out.push('\n### Observability\n\n');
  out.push(
    obs
      ? facts([
          [
            'Metrics',
            obs.metrics &&
              `${obs.metrics.provider}${
                obs.metrics.scrapeInterval
                  ? `, every ${obs.metrics.scrapeInterval}`
                  : ''
              }${
                obs.metrics.retention ? `, kept ${obs.metrics.retention}` : ''
              }`,
          ],
          [
            'Logs',
            obs.logs &&
              `${obs.logs.provider}${
                obs.logs.retention ? `, kept ${obs.logs.retention}` : ''
              }`,
          ],
          [
            'Tracing',
            obs.tracing &&
              `${obs.tracing.provider}${
                obs.tracing.sampleRate !== undefined
                  ? `, ${obs.tracing.sampleRate * 100}% sampled`
                  : ''
              }`,
          ],
          ['Dashboards', obs.dashboards?.join(', ')],
        ])
      : '_Not specified._\n',
  );
  if (obs?.alerts?.length) {
    out.push('\n');
    out.push(
      table(
        [
          'Alert',
          'Signal',
          'Threshold',
          'For',
          'Severity',
          'Workload',
          'Notify',
        ],
        obs.alerts.map(a => [
          a.name,
          a.signal,
          `${(a.when ?? 'above') === 'above' ? '>' : '<'} ${a.threshold}${
            typeof a.threshold === 'number' &&
            ['error-rate', 'availability', 'cpu', 'memory', 'disk'].includes(
              a.signal,
            )
              ? '%'
              : ''
          }`,
          a.for,
          a.severity,
          a.workload,
          a.notify?.join(', '),
        ]),
      ),
    );
  }
  const dr = env.disasterRecovery;
  out.push('\n### Disaster recovery\n\n');
  out.push(
    dr
      ? facts([
          ['RPO', dr.rpo],
          ['RTO', dr.rto],
          ['Strategy', dr.strategy],
          ['DR region', dr.drRegion],
          [
            'Backups',
            dr.backups &&
              [
                dr.backups.frequency ? `every ${dr.backups.frequency}` : '',
                dr.backups.retention ? `kept ${dr.backups.retention}` : '',
                dr.backups.crossRegionCopy ? 'copied cross-region' : '',
              ]
                .filter(Boolean)
                .join(', '),
          ],
          ['Database replication', dr.replication?.database],
          [
            'Object storage replication',
            dr.replication && yesNo(dr.replication.objectStorage),
          ],
          ['DR test cadence', dr.testCadence],
          ['Runbook', dr.runbook],
        ])
      : '_Not specified._\n',
  );
  const sec = env.security;
  out.push('\n### Security\n\n');
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
  const slos = env.slos;
  out.push('\n### Service level objectives\n\n');
  out.push(
    slos
      ? table(
          ['Objective', 'Target'],
          [
            ['Availability', `${slos.availability}%`],
            ['p95 latency', slos.latencyP95],
            ['p99 latency', slos.latencyP99],
            [
              'Throughput',
              slos.throughputRps !== undefined
                ? `${num(slos.throughputRps)} req/s`
                : undefined,
            ],
            [
              'Error rate',
              slos.errorRate !== undefined ? `≤ ${slos.errorRate}%` : undefined,
            ],
            ['Window', slos.window],
          ].filter(([, v]) => v !== undefined),
        )
      : '_Not specified._\n',
  );
  out.push('\n### Budget\n\n');
  out.push(
    env.budget
      ? facts([
          ['Monthly budget', `${usd(env.budget.monthlyUsd)} (USD)`],
          [
            'Alerts at',
            env.budget.alertThresholds?.map(t => `${t}%`).join(', '),
          ],
        ])
      : '_Not specified._\n',
  );
  return out.join('');
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
    out.push(
      network(name, env, plan),
      '\n',
      compute(env),
      '\n',
      workloads(env),
      '\n',
      data(env),
      '\n',
      operations(env),
    );
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
