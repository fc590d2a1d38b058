import {
  Content,
  ContentHeader,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import type {
  EnvironmentSection,
  SreDashboard,
} from '@gatehouse/plugin-clusters-common';
import { Box, Grid, Typography } from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { ExampleBillingNotice, StatusChip } from '@gatehouse/plugin-cost-react';
import { clustersApiRef } from '../../api';
import { ExampleClustersNotice } from '../shared/ExampleClustersNotice';
import { HealthChip } from '../shared/Chips';
import { plural } from '../shared/format';
import { ChangesCard } from './ChangesCard';
import { ClusterCard } from './ClusterCard';
import { AlertList, BudgetBar, SpendCard } from './SpendCard';
import { UnapprovedChangesCard } from './UnapprovedChangesCard';

/** The backend shares cluster listings for a few seconds; polling faster gains nothing. */
const REFRESH_MS = 15_000;

const unavailable = (source: SreDashboard['sources']['cost']) =>
  source.status === 'error' ? source.message : undefined;

function EnvironmentHeading(props: { section: EnvironmentSection }) {
  const { section } = props;
  const services = section.clusters.flatMap(c => c.services);
  const failing = services.filter(s => s.status === 'failing').length;
  const degraded = services.filter(s => s.status === 'degraded').length;
  const down = section.clusters.filter(c => c.status === 'error').length;
  let summary = 'all workloads healthy';
  if (down > 0 && down === section.clusters.length)
    summary = 'workload health unknown';
  else if (failing + degraded > 0)
    summary = `${plural(failing, 'failing service')}, ${plural(
      degraded,
      'degraded service',
    )}`;
  return (
    <Box display="flex" alignItems="center" style={{ gap: 12 }} mt={3} mb={1}>
      <Typography variant="h5" component="h2">
        {section.name}
      </Typography>
      {failing > 0 && <HealthChip status="failing" />}
      {failing === 0 && degraded > 0 && <HealthChip status="degraded" />}
      {down > 0 && <StatusChip label="Not answering" tone="neutral" />}
      <Typography variant="body2" color="textSecondary">
        {plural(section.clusters.length, 'cluster')} · {summary}
        {down > 0 && ` · ${plural(down, 'cluster')} not answering`} ·{' '}
        {plural(section.pendingChanges.length, 'change')} waiting
      </Typography>
    </Box>
  );
}

function Dashboard(props: { dashboard: SreDashboard }) {
  const { dashboard } = props;
  const { acrossEnvironments, sources } = dashboard;
  return (
    <>
      {dashboard.environments.map(section => (
        <section key={section.name} aria-label={`Environment ${section.name}`}>
          <EnvironmentHeading section={section} />
          <Grid container spacing={3}>
            {section.clusters.map(cluster => (
              <Grid item xs={12} key={cluster.name}>
                <ClusterCard cluster={cluster} />
              </Grid>
            ))}
            <Grid item xs={12} md={7}>
              <ChangesCard
                pending={section.pendingChanges}
                recentlyApproved={section.recentlyApproved}
                recentDays={dashboard.recentDays}
                unavailable={unavailable(sources.approvals)}
              />
            </Grid>
            <Grid item xs={12} md={5}>
              <SpendCard
                section={section}
                month={dashboard.spendPeriod?.month ?? null}
                unavailable={unavailable(sources.cost)}
              />
            </Grid>
          </Grid>
        </section>
      ))}
      {sources.cost.status === 'ok' && (
        <section aria-label="Across environments">
          <Typography variant="h5" component="h2" style={{ marginTop: 24 }}>
            Services and teams
          </Typography>
          <Grid container spacing={3} style={{ marginTop: 4 }}>
            <Grid item xs={12} md={6}>
              <InfoCard title="Budgets">
                {acrossEnvironments.budgets.length === 0 ? (
                  <Typography variant="body2" color="textSecondary">
                    No service or team budgets.
                  </Typography>
                ) : (
                  acrossEnvironments.budgets.map(b => (
                    <BudgetBar
                      key={`${b.dimension}:${b.key}`}
                      budget={b}
                      label={`${b.key} (${b.dimension})`}
                    />
                  ))
                )}
              </InfoCard>
            </Grid>
            <Grid item xs={12} md={6}>
              <InfoCard title="Cost alerts">
                <AlertList
                  alerts={acrossEnvironments.costAlerts}
                  empty="No cost alerts for services or teams."
                />
              </InfoCard>
            </Grid>
          </Grid>
        </section>
      )}
    </>
  );
}

/**
 * The SRE dashboard: commits no approved change accounts for, then per
 * environment and cluster, workload health and its problems, what is waiting
 * for approval and what was just approved, and spend against budget — each
 * linking to the entity pages.
 */
export function SreDashboardPage() {
  const api = useApi(clustersApiRef);
  const dashboard = useAsyncRetry(() => api.dashboard(), [api]);
  useInterval(dashboard.retry, REFRESH_MS);

  let body;
  if (!dashboard.value && dashboard.error) {
    body = <ResponseErrorPanel error={dashboard.error} />;
  } else if (!dashboard.value) {
    body = <Progress />;
  } else {
    body = <Dashboard dashboard={dashboard.value} />;
  }
  return (
    <Page themeId="tool">
      <Header
        title="SRE dashboard"
        subtitle="Workload health, pending changes and spend, per environment and cluster"
      />
      <Content>
        <ContentHeader
          title={
            dashboard.value
              ? `As of ${new Date(
                  dashboard.value.generatedAt,
                ).toLocaleTimeString()}`
              : 'Loading clusters'
          }
        />
        <ExampleClustersNotice />
        <ExampleBillingNotice />
        {/* Its own source: shown whether or not the dashboard answers. */}
        <section aria-label="Unapproved changes">
          <Box mb={3}>
            <UnapprovedChangesCard refreshMs={REFRESH_MS} />
          </Box>
        </section>
        {body}
      </Content>
    </Page>
  );
}
