import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type {
  OpenCostAllocation,
  StoredEstimateSummary,
} from '@gatehouse/plugin-cost-common';
import { Box, Grid, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import {
  ApproximateResourceChip,
  costApiRef,
  ExampleBillingNotice,
  money,
  signedMoney,
} from '@gatehouse/plugin-cost-react';
import { estimateRouteRef } from '../../routes';
import { AlertsList } from '../shared/AlertsList';
import { BudgetBars } from '../shared/BudgetBars';
import { SpendChart } from '../shared/SpendChart';
import { ApprovedChangesTable } from './ApprovedChangesTable';

const allocationColumns: TableColumn<OpenCostAllocation>[] = [
  { title: 'Cluster', field: 'cluster' },
  {
    title: 'Workload',
    render: a => `${a.workloadKind ?? ''} ${a.workload}`.trim(),
  },
  { title: 'CPU', render: a => money(a.cpuCost), align: 'right' },
  { title: 'Memory', render: a => money(a.ramCost), align: 'right' },
  { title: 'Storage', render: a => money(a.pvCost), align: 'right' },
  {
    title: 'Network and other',
    render: a => money(a.networkCost + a.otherCost),
    align: 'right',
  },
  { title: 'Total', render: a => money(a.totalCost), align: 'right' },
  {
    title: 'CPU / memory efficiency',
    render: a =>
      a.cpuEfficiency === null
        ? '—'
        : `${Math.round(a.cpuEfficiency * 100)}% / ${Math.round(
            (a.ramEfficiency ?? 0) * 100,
          )}%`,
  },
];

function EstimatesTable(props: { estimates: StoredEstimateSummary[] }) {
  const estimateLink = useRouteRef(estimateRouteRef);
  const columns: TableColumn<StoredEstimateSummary>[] = [
    {
      title: 'When',
      render: e => (
        <Link to={estimateLink?.({ id: e.id }) ?? '#'}>
          {new Date(e.createdAt).toLocaleString()}
        </Link>
      ),
    },
    { title: 'Environment', render: e => e.environment ?? '—' },
    { title: 'By', field: 'createdBy' },
    {
      title: 'Current',
      render: e => money(e.monthlyBefore, e.currency),
      align: 'right',
    },
    {
      title: 'Proposed',
      render: e => money(e.monthlyAfter, e.currency),
      align: 'right',
    },
    {
      title: 'Change',
      render: e => signedMoney(e.monthlyDelta, e.currency),
      align: 'right',
    },
    { title: 'Unpriced', field: 'unpricedCount', align: 'right' },
    {
      title: 'Approximate prices',
      render: e => <ApproximateCount count={e.approximateCount} />,
      align: 'right',
    },
  ];
  return (
    <Table<StoredEstimateSummary>
      title="Recent estimates"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.estimates}
      emptyContent={
        <Box p={2}>
          <Typography color="textSecondary">
            No estimates for this service yet.
          </Typography>
        </Box>
      }
    />
  );
}

/** How many of a kept estimate's prices are approximate, or that it is not known. */
function ApproximateCount(props: { count: number | null }) {
  if (props.count === null) {
    return (
      <Typography variant="caption" color="textSecondary">
        not recorded
      </Typography>
    );
  }
  if (props.count === 0) return <>0</>;
  return <ApproximateResourceChip count={props.count} />;
}

/** A service's spend trend, budget, alerts, in-cluster cost and recent estimates. */
export function EntityCostContent() {
  const { entity } = useEntity();
  const api = useApi(costApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.entitySummary(entityRef),
    [api, entityRef],
  );

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  const hasSpend = value.trend.total.some(v => v !== 0);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ExampleBillingNotice />
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard
          title="Spend over the last 90 days"
          subheader={
            value.asOf
              ? `By environment, billing data up to ${value.asOf}`
              : 'No billing data yet'
          }
        >
          {hasSpend ? (
            <SpendChart data={value.trend} height={280} />
          ) : (
            <Typography color="textSecondary">
              No spend is attributed to {value.service}. Tag its resources with
              service={value.service}.
            </Typography>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <InfoCard title="This month">
          <Typography variant="h4" aria-label="Month-to-date spend">
            {money(value.monthToDate)}
          </Typography>
          <Typography color="textSecondary" paragraph>
            spent so far
          </Typography>
          {value.budgets.length > 0 ? (
            value.budgets.map(b => (
              <Typography key={`${b.dimension}:${b.key}`} variant="body2">
                Budget {money(b.monthlyBudget)}: {b.percentUsed.toFixed(0)}%
                used, forecast {money(b.forecast)} (
                {b.forecastPercent.toFixed(0)}%) — {b.status}
              </Typography>
            ))
          ) : (
            <Typography variant="body2" color="textSecondary">
              No budget: set the gatehouse.io/monthly-budget-usd annotation.
            </Typography>
          )}
        </InfoCard>
      </Grid>
      {value.budgets.length > 0 && (
        <Grid item xs={12} md={6}>
          <InfoCard title="Budget">
            <BudgetBars budgets={value.budgets} />
          </InfoCard>
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <InfoCard title="Cost alerts">
          <AlertsList
            alerts={value.alerts}
            emptyText="No cost alerts for this service."
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        {value.openCost.status === 'not-configured' ? (
          <InfoCard title="In-cluster cost (OpenCost)">
            <Typography color="textSecondary">
              No cluster with OpenCost is configured
              (gatehouse.cost.opencost.clusters).
            </Typography>
          </InfoCard>
        ) : (
          <>
            {value.openCost.errors.map(e => (
              <Typography key={e.cluster} color="error">
                OpenCost on {e.cluster} did not answer: {e.message}
              </Typography>
            ))}
            <Table<OpenCostAllocation>
              title={`In-cluster cost, last ${value.openCost.window} (OpenCost)`}
              options={{ paging: false, search: false, padding: 'dense' }}
              columns={allocationColumns}
              data={value.openCost.allocations}
            />
          </>
        )}
      </Grid>
      <Grid item xs={12}>
        <EstimatesTable estimates={value.estimates} />
      </Grid>
      <Grid item xs={12}>
        <ApprovedChangesTable entityRef={entityRef} />
      </Grid>
    </Grid>
  );
}
