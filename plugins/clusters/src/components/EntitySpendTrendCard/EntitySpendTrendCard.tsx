import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { CostClient } from '@gatehouse/plugin-cost-common';
import { Box, Typography, useTheme } from '@material-ui/core';
import { Area, AreaChart, ResponsiveContainer, Tooltip, YAxis } from 'recharts';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ExampleBillingNotice, money } from '@gatehouse/plugin-cost-react';
import { useEntityPath } from '../shared/EntityLink';

/**
 * "Spend trend" on a service's overview: the last 90 days of daily spend
 * (all environments), this month so far and the budget, from the cost
 * plugin's entity summary. The Cost tab has the detail.
 */
export function EntitySpendTrendCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  // The cost plugin's own typed client (a frontend plugin may not import another).
  const api = useMemo(
    () => new CostClient({ discoveryApi, fetchApi }),
    [discoveryApi, fetchApi],
  );
  const theme = useTheme();
  const entityPath = useEntityPath();
  const { value, error, loading } = useAsync(
    () => api.entitySummary(entityRef),
    [api, entityRef],
  );

  let body;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (value) {
    const rows = value.trend.days.map((day, i) => ({
      day,
      spend: value.trend.total[i],
    }));
    const budget = value.budgets.find(b => b.dimension === 'service');
    const hasSpend = value.trend.total.some(v => v !== 0);
    body = (
      <>
        <Box display="flex" alignItems="baseline" style={{ gap: 8 }}>
          <Typography variant="h5" aria-label="Spend this month">
            {money(value.monthToDate)}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            this month
            {budget &&
              ` · ${budget.percentUsed.toFixed(0)}% of ${money(
                budget.monthlyBudget,
              )} budget, forecast ${budget.forecastPercent.toFixed(0)}%`}
          </Typography>
        </Box>
        {hasSpend ? (
          <Box aria-label="Daily spend, last 90 days" height={90} mt={1}>
            <ResponsiveContainer width="100%" height="100%">
              <AreaChart
                data={rows}
                margin={{ top: 4, right: 0, left: 0, bottom: 0 }}
              >
                <YAxis hide domain={[0, 'auto']} />
                <Tooltip
                  formatter={(v: any) => money(Number(v))}
                  labelFormatter={(_label, payload) =>
                    (payload?.[0]?.payload as { day?: string })?.day ?? ''
                  }
                  contentStyle={{ background: theme.palette.background.paper }}
                />
                <Area
                  type="monotone"
                  dataKey="spend"
                  stroke={theme.palette.primary.main}
                  fill={theme.palette.primary.main}
                  fillOpacity={0.25}
                  isAnimationActive={false}
                />
              </AreaChart>
            </ResponsiveContainer>
          </Box>
        ) : (
          <Typography color="textSecondary">
            No spend is attributed to {value.service} yet.
          </Typography>
        )}
        <Typography variant="caption" color="textSecondary">
          {value.asOf
            ? `Daily spend over 90 days, billing data up to ${value.asOf}`
            : 'No billing data yet'}
        </Typography>
      </>
    );
  }
  const costTab = entityPath(entityRef, 'cost');
  return (
    <InfoCard
      title="Spend trend"
      deepLink={costTab ? { title: 'Cost details', link: costTab } : undefined}
    >
      <ExampleBillingNotice compact />
      {body}
    </InfoCard>
  );
}
