import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import type { SpendMover, SpendMovers } from '@gatehouse/plugin-cost-common';
import { Typography, useTheme } from '@material-ui/core';
import {
  costChangeColor,
  groupLabel,
  money,
  percent,
  signedMoney,
} from '@gatehouse/plugin-cost-react';

/** A group's change: more spend red, less green. */
function Change(props: { row: SpendMover }) {
  const { row } = props;
  const theme = useTheme();
  return (
    <Typography
      variant="body2"
      style={{ color: costChangeColor(theme, row.change) }}
    >
      {signedMoney(row.change)} ({percent(row.changePercent)})
    </Typography>
  );
}

const columns: TableColumn<SpendMover>[] = [
  { title: 'Group', render: row => groupLabel(row.key) },
  {
    title: 'Previous period',
    render: row => money(row.previous),
    align: 'right',
  },
  { title: 'This period', render: row => money(row.current), align: 'right' },
  {
    title: 'Change',
    align: 'right',
    render: row => <Change row={row} />,
  },
];

/** The groups whose spend changed most against the period before. */
export function MoversTable(props: { movers?: SpendMovers }) {
  if (!props.movers) {
    return (
      <InfoCard title="Top movers">
        <Progress />
      </InfoCard>
    );
  }
  const { movers, previous } = props.movers;
  return (
    <Table<SpendMover>
      title="Top movers"
      subtitle={`Against ${previous.from} to ${previous.to}`}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={movers}
    />
  );
}
