import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import type {
  ClusterHealth,
  ServiceWorkloadHealth,
} from '@gatehouse/plugin-clusters-common';
import { Box, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { HealthChip } from '../shared/Chips';
import { EntityLink } from '../shared/EntityLink';
import { plural } from '../shared/format';
import { ServiceProblems } from '../shared/ServiceProblems';

const columns: TableColumn<ServiceWorkloadHealth>[] = [
  {
    title: 'Service',
    render: s => (
      <Box display="flex" flexDirection="column">
        <EntityLink entityRef={s.entityRef}>
          {s.title ?? s.serviceId}
        </EntityLink>
        {!s.entityRef && (
          <Typography variant="caption" color="textSecondary">
            not in the catalog
          </Typography>
        )}
      </Box>
    ),
    width: '25%',
  },
  {
    title: 'Status',
    render: s => <HealthChip status={s.status} />,
    width: '12%',
  },
  {
    title: 'Ready',
    render: s => `${s.ready} / ${s.desired}`,
    width: '10%',
  },
  {
    title: 'Problems',
    render: s => (
      <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
        <ServiceProblems health={s} />
        {s.entityRef && (
          <Typography variant="caption">
            <EntityLink entityRef={s.entityRef} tab="kubernetes">
              Pods, logs and events
            </EntityLink>
          </Typography>
        )}
      </Box>
    ),
  },
];

/**
 * One cluster: its unhealthy services with their problems, a count of the
 * healthy ones, or the cluster's error when it could not be read.
 */
export function ClusterCard(props: { cluster: ClusterHealth }) {
  const { cluster } = props;
  const unhealthy = cluster.services.filter(s => s.status !== 'healthy');
  const healthy = cluster.services.length - unhealthy.length;
  const { totals } = cluster;
  return (
    <InfoCard
      title={
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <EntityLink entityRef={cluster.entityRef}>{cluster.name}</EntityLink>
        </Box>
      }
      subheader={
        cluster.status === 'ok'
          ? `${totals.ready} of ${plural(
              totals.desired,
              'replica',
            )} ready · ${plural(totals.failingPods, 'failing pod')} · ${plural(
              totals.hpasAtMaximum,
              'HPA',
            )} at maximum · listed ${new Date(
              cluster.fetchedAt!,
            ).toLocaleTimeString()}`
          : undefined
      }
      noPadding={cluster.status === 'ok' && unhealthy.length > 0}
    >
      {cluster.status === 'error' && (
        <Alert severity="error" aria-label={`Cluster ${cluster.name} error`}>
          {cluster.name} did not answer ({cluster.error?.kind}):{' '}
          {cluster.error?.message}. The other clusters are shown as usual.
        </Alert>
      )}
      {cluster.status === 'ok' && unhealthy.length > 0 && (
        <Table<ServiceWorkloadHealth>
          options={{
            paging: false,
            search: false,
            toolbar: false,
            padding: 'dense',
          }}
          columns={columns}
          data={unhealthy}
        />
      )}
      {cluster.status === 'ok' && (
        <Box p={unhealthy.length > 0 ? 2 : 0}>
          <Typography variant="body2" color="textSecondary">
            {unhealthy.length === 0 && cluster.services.length === 0
              ? 'No workloads carry the backstage.io/kubernetes-id label.'
              : `${plural(healthy, 'healthy service')}${
                  unhealthy.length === 0 ? ', nothing needs attention.' : '.'
                }`}
          </Typography>
        </Box>
      )}
    </InfoCard>
  );
}
