import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import type { BudgetStatus } from '@gatehouse/plugin-cost-common';
import { Typography } from '@material-ui/core';
import { BudgetBars } from '../shared/BudgetBars';
import {
  BUDGET_STATUS_TONES,
  money,
  StatusChip,
} from '@gatehouse/plugin-cost-react';

const columns: TableColumn<BudgetStatus>[] = [
  { title: 'Budget', render: b => `${b.key} (${b.dimension})` },
  { title: 'Monthly', render: b => money(b.monthlyBudget), align: 'right' },
  {
    title: 'Spent so far',
    render: b => `${money(b.actualToDate)} (${b.percentUsed.toFixed(0)}%)`,
    align: 'right',
  },
  {
    title: 'Forecast',
    render: b => `${money(b.forecast)} (${b.forecastPercent.toFixed(0)}%)`,
    align: 'right',
  },
  {
    title: 'Status',
    render: b => (
      <StatusChip label={b.status} tone={BUDGET_STATUS_TONES[b.status]} />
    ),
  },
  {
    title: 'Set in',
    render: b => (b.source === 'annotation' ? 'catalog' : 'app-config'),
  },
];

/** Budgets against spend so far and the month-end forecast. */
export function BudgetsCard(props: {
  data?: {
    month: string;
    asOf: string;
    dataUpTo: string | null;
    budgets: BudgetStatus[];
  };
  loading: boolean;
}) {
  if (props.loading || !props.data) {
    return (
      <InfoCard title="Budgets">
        <Progress />
      </InfoCard>
    );
  }
  const { month, asOf, budgets } = props.data;
  return (
    <InfoCard
      title={`Budgets for ${month}`}
      subheader={`Spend up to ${asOf}; forecast at the last 7 days' run rate`}
    >
      {budgets.length === 0 ? (
        <Typography>
          No budgets are set (app-config gatehouse.cost.budgets or the
          gatehouse.io/monthly-budget-usd annotation).
        </Typography>
      ) : (
        <>
          <BudgetBars budgets={budgets} />
          <Table<BudgetStatus>
            options={{
              paging: false,
              search: false,
              toolbar: false,
              padding: 'dense',
            }}
            columns={columns}
            data={budgets}
          />
        </>
      )}
    </InfoCard>
  );
}
