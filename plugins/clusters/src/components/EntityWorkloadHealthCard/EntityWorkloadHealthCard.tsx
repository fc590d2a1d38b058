import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { EntityWorkloadHealth } from '@gatehouse/plugin-clusters-common';
import {
  Box,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { clustersApiRef } from '../../api';
import { ExampleClustersNotice } from '../shared/ExampleClustersNotice';
import { HealthChip } from '../shared/Chips';
import { EntityLink, useEntityPath } from '../shared/EntityLink';
import { plural } from '../shared/format';
import { ApprovedChanges } from '../shared/ApprovedChanges';
import { ServiceProblems } from '../shared/ServiceProblems';

/** The backend shares cluster listings for a few seconds; polling faster gains nothing. */
const REFRESH_MS = 15_000;

function ClusterRow(props: { cluster: EntityWorkloadHealth['clusters'][0] }) {
  const { cluster } = props;
  const name = (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <EntityLink entityRef={cluster.entityRef}>{cluster.name}</EntityLink>
      {cluster.environment && (
        <Typography variant="caption" color="textSecondary">
          {cluster.environment}
        </Typography>
      )}
      {cluster.health && <HealthChip status={cluster.health.status} />}
    </Box>
  );
  let detail;
  if (cluster.status === 'error') {
    detail = (
      <Typography variant="body2" color="error" role="alert">
        Cluster did not answer ({cluster.error?.kind}): {cluster.error?.message}
      </Typography>
    );
  } else if (!cluster.health) {
    detail = (
      <Typography variant="body2" color="textSecondary">
        No workloads on this cluster.
      </Typography>
    );
  } else {
    detail = (
      <>
        <Typography variant="body2">
          {cluster.health.ready} of {plural(cluster.health.desired, 'replica')}{' '}
          ready
        </Typography>
        <ServiceProblems health={cluster.health} />
        <ApprovedChanges health={cluster.health} />
      </>
    );
  }
  return (
    <ListItem disableGutters divider>
      <ListItemText
        primary={name}
        secondary={detail}
        secondaryTypographyProps={{ component: 'div' }}
      />
    </ListItem>
  );
}

/**
 * "Workload health" on a service's overview: ready against desired, failing
 * pods and HPAs at their maximum on each cluster, from the shared listings.
 */
export function EntityWorkloadHealthCard() {
  const { entity } = useEntity();
  const api = useApi(clustersApiRef);
  const entityPath = useEntityPath();
  const health = useAsyncRetry(
    () =>
      api.entityHealth({
        kind: entity.kind,
        namespace: entity.metadata.namespace ?? 'default',
        name: entity.metadata.name,
      }),
    [api, entity],
  );
  useInterval(health.retry, REFRESH_MS);

  let body;
  if (!health.value && health.error) {
    body = <ResponseErrorPanel error={health.error} />;
  } else if (!health.value) {
    body = <Progress />;
  } else {
    body = (
      <List dense disablePadding aria-label="Workload health by cluster">
        {health.value.clusters.map(c => (
          <ClusterRow key={c.name} cluster={c} />
        ))}
      </List>
    );
  }
  const kubernetesTab = entityPath(stringifyEntityRef(entity), 'kubernetes');
  return (
    <InfoCard
      title={
        <Box display="flex" alignItems="center" style={{ gap: 12 }}>
          Workload health
          {health.value && health.value.clusters.some(c => c.health) && (
            <HealthChip status={health.value.status} />
          )}
        </Box>
      }
      deepLink={
        kubernetesTab
          ? { title: 'Pods, logs and events', link: kubernetesTab }
          : undefined
      }
    >
      <ExampleClustersNotice compact />
      {body}
    </InfoCard>
  );
}
