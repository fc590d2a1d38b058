import { useState } from 'react';
import {
  Content,
  ContentHeader,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type {
  CostMetric,
  SpendDimension,
  SpendFilters,
} from '@gatehouse/plugin-cost-common';
import { Grid, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef, ExampleBillingNotice } from '@gatehouse/plugin-cost-react';
import { AlertsList } from '../shared/AlertsList';
import { presetRange, RangePreset } from '../shared/dateRanges';
import { SpendChart } from '../shared/SpendChart';
import { BudgetsCard } from './BudgetsCard';
import { CostFilters } from './CostFilters';
import { IngestionCard } from './IngestionCard';
import { MoversTable } from './MoversTable';
import { UnattributedCard } from './UnattributedCard';

/**
 * Spend over time by service, team or environment; top movers; budgets with
 * their forecast; unattributed spend; alerts; and the billing ingestion.
 */
export function CostPage() {
  const api = useApi(costApiRef);
  const [preset, setPreset] = useState<RangePreset>('last-30');
  const [groupBy, setGroupBy] = useState<SpendDimension>('service');
  const [metric, setMetric] = useState<CostMetric>('effective');
  const [filters, setFilters] = useState<SpendFilters>({});
  const [reload, setReload] = useState(0);

  // The newest day with billing data anchors every range.
  const budgets = useAsync(() => api.budgets(), [api, reload]);
  // Null until billing data has been ingested: then there is nothing to show yet.
  const asOf = budgets.value?.dataUpTo ?? undefined;
  const range = asOf ? presetRange(preset, asOf) : undefined;
  const query = range ? { ...range, groupBy, metric, ...filters } : undefined;

  const spend = useAsync(async () => {
    if (!query) return undefined;
    const [timeseries, totals, movers] = await Promise.all([
      api.timeseries({ ...query, top: 8 }),
      api.totals(query),
      api.movers({ ...query, limit: 8 }),
    ]);
    return { timeseries, totals, movers };
  }, [api, JSON.stringify(query), reload]);
  const alerts = useAsync(() => api.alerts({ limit: 20 }), [api, reload]);

  const error = budgets.error ?? spend.error ?? alerts.error;
  return (
    <Page themeId="tool">
      <Header
        title="Cost"
        subtitle="Spend per service, team and environment against budgets"
      />
      <Content>
        <ContentHeader title={asOf ? `Billing data up to ${asOf}` : 'Spend'} />
        <ExampleBillingNotice />
        {error && <ResponseErrorPanel error={error} />}
        <CostFilters
          preset={preset}
          onPreset={setPreset}
          groupBy={groupBy}
          onGroupBy={setGroupBy}
          metric={metric}
          onMetric={setMetric}
          filters={filters}
          onFilters={setFilters}
          options={spend.value?.totals}
        />
        <Grid container spacing={3}>
          <Grid item xs={12} lg={8}>
            <InfoCard
              title={`Daily spend by ${groupBy}`}
              subheader={
                range
                  ? `${range.from} to ${range.to}, ${
                      metric === 'effective'
                        ? 'effective cost (amortised)'
                        : 'billed cost'
                    }`
                  : undefined
              }
            >
              {spend.loading && <Progress />}
              {spend.value && spend.value.timeseries.days.length > 0 && (
                <SpendChart data={spend.value.timeseries} />
              )}
              {!spend.loading && !budgets.loading && !asOf && (
                <Typography>
                  No billing data has been ingested yet. Exports are read from
                  the locations in gatehouse.cost.ingestion.locations on a
                  schedule, or now with "Ingest now".
                </Typography>
              )}
            </InfoCard>
          </Grid>
          <Grid item xs={12} lg={4}>
            <UnattributedCard totals={spend.value?.totals} />
          </Grid>
          <Grid item xs={12} lg={6}>
            <MoversTable movers={spend.value?.movers} />
          </Grid>
          <Grid item xs={12} lg={6}>
            <BudgetsCard data={budgets.value} loading={budgets.loading} />
          </Grid>
          <Grid item xs={12} lg={6}>
            <InfoCard
              title="Alerts"
              subheader="Thresholds, budgets and anomalies, once per crossing"
            >
              {alerts.value && <AlertsList alerts={alerts.value.alerts} />}
            </InfoCard>
          </Grid>
          <Grid item xs={12} lg={6}>
            <IngestionCard onIngested={() => setReload(n => n + 1)} />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
