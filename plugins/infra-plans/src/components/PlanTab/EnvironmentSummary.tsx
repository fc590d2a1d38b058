import type { EnvironmentPlan } from '@gatehouse/plugin-infra-plans-common';
import {
  Grid,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { ReactNode } from 'react';

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" style={{ padding: 12, height: '100%' }}>
      <Typography variant="subtitle1" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Paper>
  );
}

function Rows(props: { head: string[]; rows: ReactNode[][] }) {
  if (props.rows.length === 0) {
    return <Typography variant="body2">None planned.</Typography>;
  }
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {props.head.map(h => (
            <TableCell key={h}>{h}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map((row, i) => (
          <TableRow key={i}>
            {row.map((cell, j) => (
              <TableCell key={j}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Every scalar of a nested section as `path: value`, for sections read rather than compared. */
function flatten(value: unknown, prefix = ''): Array<[string, string]> {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    if (value.every(v => typeof v !== 'object'))
      return [[prefix, value.join(', ')]];
    return value.flatMap((v, i) =>
      flatten(v, `${prefix}[${(v as any)?.name ?? i}]`),
    );
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      flatten(v, prefix ? `${prefix}.${k}` : k),
    );
  }
  return [[prefix, String(value)]];
}

function KeyValues(props: { value: unknown }) {
  const pairs = flatten(props.value);
  if (pairs.length === 0)
    return <Typography variant="body2">Not planned.</Typography>;
  return (
    <Table size="small">
      <TableBody>
        {pairs.map(([k, v]) => (
          <TableRow key={k}>
            <TableCell style={{ width: '45%' }}>
              <code>{k}</code>
            </TableCell>
            <TableCell>{v}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const perAz = (subnets: Array<{ az: string; cidr: string }> = []) =>
  subnets.map(s => `${s.cidr} (${s.az})`).join(', ');

/** One environment of the plan, section by section. */
export function EnvironmentSummary(props: { env: EnvironmentPlan }) {
  const { env } = props;
  const net = env.network;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <Section title="Network">
          <Rows
            head={['', '']}
            rows={[
              [
                'VPC',
                `${net.vpc.cidr} in ${net.vpc.availabilityZones.join(', ')}`,
              ],
              ['NAT gateways', String(net.vpc.natGateways ?? '—')],
              ['Public subnets', perAz(net.subnets.public)],
              ['Private subnets', perAz(net.subnets.private)],
              ['Database subnets', perAz(net.subnets.database) || '—'],
              [
                'Load balancers',
                (net.loadBalancers ?? [])
                  .map(lb => `${lb.name} (${lb.type}, ${lb.scheme})`)
                  .join(', ') || '—',
              ],
              [
                'Security groups',
                (net.securityGroups ?? []).map(sg => sg.name).join(', ') || '—',
              ],
            ]}
          />
        </Section>
      </Grid>
      <Grid item xs={12} md={6}>
        <Section
          title={`Compute: Kubernetes ${env.compute.cluster.kubernetesVersion}`}
        >
          <Rows
            head={[
              'Node group',
              'Instance types',
              'Min / desired / max',
              'Capacity',
            ]}
            rows={env.compute.nodeGroups.map(ng => [
              ng.name,
              ng.instanceTypes.join(', '),
              `${ng.minSize} / ${ng.desiredSize} / ${ng.maxSize}`,
              ng.capacityType ?? 'on-demand',
            ])}
          />
        </Section>
      </Grid>
      <Grid item xs={12}>
        <Section title="Workloads">
          <Rows
            head={[
              'Workload',
              'Image',
              'Replicas',
              'Requests',
              'Limits',
              'Autoscaling',
            ]}
            rows={env.workloads.map(w => [
              w.name,
              <code>{w.image}</code>,
              String(w.replicas),
              `${w.resources.requests.cpu} CPU, ${w.resources.requests.memory}`,
              w.resources.limits
                ? `${w.resources.limits.cpu ?? '—'} CPU, ${
                    w.resources.limits.memory ?? '—'
                  }`
                : '—',
              w.autoscaling
                ? `${w.autoscaling.minReplicas}–${w.autoscaling.maxReplicas}${
                    w.autoscaling.targets.cpuUtilization
                      ? ` at ${w.autoscaling.targets.cpuUtilization}% CPU`
                      : ''
                  }`
                : 'fixed',
            ])}
          />
        </Section>
      </Grid>
      <Grid item xs={12} md={6}>
        <Section title="Data">
          <Rows
            head={['Store', 'Engine', 'Size', 'Availability']}
            rows={[
              ...(env.data?.databases ?? []).map(db => [
                db.name,
                `${db.engine} ${db.version}`,
                db.instanceClass,
                `${db.multiAz ? 'multi-AZ' : 'single AZ'}${
                  db.readReplicas ? `, ${db.readReplicas} read replica(s)` : ''
                }`,
              ]),
              ...(env.data?.caches ?? []).map(c => [
                c.name,
                c.engine,
                c.nodeType,
                c.multiAz ? 'multi-AZ' : 'single AZ',
              ]),
              ...(env.data?.objectStorage ?? []).map(b => [
                b.name,
                's3',
                `versioning ${b.versioning ? 'on' : 'off'}`,
                `encryption ${b.encryption}`,
              ]),
              ...(env.data?.queues ?? []).map(q => [
                q.name,
                q.fifo ? 'sqs (fifo)' : 'sqs',
                '',
                '',
              ]),
            ]}
          />
        </Section>
      </Grid>
      <Grid item xs={12} md={6}>
        <Section title="Delivery">
          <KeyValues value={env.delivery} />
        </Section>
      </Grid>
      <Grid item xs={12} md={4}>
        <Section title="SLOs and budget">
          <KeyValues value={{ slos: env.slos, budget: env.budget }} />
        </Section>
      </Grid>
      <Grid item xs={12} md={4}>
        <Section title="Observability">
          <KeyValues value={env.observability} />
        </Section>
      </Grid>
      <Grid item xs={12} md={4}>
        <Section title="Disaster recovery and security">
          <KeyValues
            value={{
              disasterRecovery: env.disasterRecovery,
              security: env.security,
            }}
          />
        </Section>
      </Grid>
    </Grid>
  );
}
