import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import type { SpendMover, SpendMovers } from '@gatehouse/plugin-cost-common';
import { Typography } from '@material-ui/core';
import {
  groupLabel,
  money,
  percent,
  signedMoney,
} from '@gatehouse/plugin-cost-react';

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
    render: row => (
      <Typography
        variant="body2"
        style={{ color: row.change > 0 ? '#c62828' : '#2e7d32' }}
      >
        {signedMoney(row.change)} ({percent(row.changePercent)})
      </Typography>
    ),
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
