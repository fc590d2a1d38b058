import { InfoCard } from '@backstage/core-components';
import type {
  DashboardBudget,
  DashboardCostAlert,
  EnvironmentSection,
} from '@gatehouse/plugin-clusters-common';
import {
  Box,
  List,
  ListItem,
  ListItemText,
  Typography,
  useTheme,
} from '@material-ui/core';
import {
  BUDGET_STATUS_TONES,
  money,
  toneColor,
} from '@gatehouse/plugin-cost-react';
import { EntityLink } from '../shared/EntityLink';
import { age } from '../shared/format';

export function BudgetBar(props: { budget: DashboardBudget; label: string }) {
  const { budget } = props;
  const theme = useTheme();
  return (
    <Box mb={1} aria-label={`Budget of ${props.label}`}>
      <Typography variant="body2">
        <EntityLink entityRef={budget.entityRef}>{props.label}</EntityLink>:{' '}
        {money(budget.actualToDate)} of {money(budget.monthlyBudget)} (
        {budget.percentUsed.toFixed(0)}%), forecast{' '}
        {budget.forecastPercent.toFixed(0)}%
      </Typography>
      <Box
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(Math.min(100, budget.percentUsed))}
        height={8}
        borderRadius={4}
        bgcolor="action.hover"
        overflow="hidden"
      >
        <Box
          height="100%"
          width={`${Math.min(100, budget.percentUsed)}%`}
          style={{
            background: toneColor(theme, BUDGET_STATUS_TONES[budget.status]),
          }}
        />
      </Box>
    </Box>
  );
}

export function AlertList(props: {
  alerts: DashboardCostAlert[];
  empty: string;
}) {
  if (props.alerts.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.empty}
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Cost alerts">
      {props.alerts.map(a => (
        <ListItem key={a.id} disableGutters>
          <ListItemText
            primary={a.message}
            secondary={
              <>
                <EntityLink entityRef={a.entityRef}>
                  {a.key} ({a.dimension})
                </EntityLink>
                {` · ${a.kind} · ${age(a.createdAt)}`}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}

/** Month-to-date spend of the environment against its budget, and its alerts. */
export function SpendCard(props: {
  section: EnvironmentSection;
  month: string | null;
  unavailable?: string;
}) {
  const { spend, costAlerts, name } = props.section;
  return (
    <InfoCard title={`Spend${props.month ? ` in ${props.month}` : ''}`}>
      {props.unavailable ? (
        <Typography variant="body2" color="error">
          Spend is unavailable: {props.unavailable}
        </Typography>
      ) : (
        <>
          <Typography variant="h5" aria-label={`Spend in ${name}`}>
            {money(spend.monthToDate ?? 0)}
          </Typography>
          <Typography variant="body2" color="textSecondary" paragraph>
            month to date in {name}
          </Typography>
          {spend.budget ? (
            <BudgetBar budget={spend.budget} label={name} />
          ) : (
            <Typography variant="body2" color="textSecondary" paragraph>
              No budget for this environment (gatehouse.cost.budgets).
            </Typography>
          )}
          <Typography variant="subtitle2" style={{ marginTop: 12 }}>
            Cost alerts
          </Typography>
          <AlertList alerts={costAlerts} empty="No cost alerts." />
        </>
      )}
    </InfoCard>
  );
}
