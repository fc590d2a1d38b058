import type { SpendTimeseries } from '@gatehouse/plugin-cost-common';
import { useTheme } from '@material-ui/core';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { compactMoney, groupLabel, money } from '@gatehouse/plugin-cost-react';

const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
];
const OTHER_COLOR = '#9e9e9e';

/** Daily spend stacked by group, the rest as "Other". */
export function SpendChart(props: {
  data: SpendTimeseries;
  height?: number;
  currency?: string;
}) {
  const theme = useTheme();
  const { data } = props;
  const hasOther = data.other.some(v => Math.abs(v) > 0.005);
  const rows = data.days.map((day, i) => {
    const row: Record<string, number | string> = { day };
    data.series.forEach((s, j) => {
      row[`s${j}`] = s.values[i];
    });
    if (hasOther) row.other = data.other[i];
    return row;
  });
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 320}>
      <AreaChart data={rows} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis
          dataKey="day"
          tick={{ fontSize: 12, fill: theme.palette.text.secondary }}
          minTickGap={24}
        />
        <YAxis
          tickFormatter={compactMoney}
          tick={{ fontSize: 12, fill: theme.palette.text.secondary }}
          width={56}
        />
        <Tooltip
          formatter={(value: any) => money(Number(value), props.currency)}
          contentStyle={{ background: theme.palette.background.paper }}
        />
        <Legend />
        {data.series.map((s, j) => (
          <Area
            key={`s${j}`}
            type="monotone"
            dataKey={`s${j}`}
            name={groupLabel(s.key)}
            stackId="spend"
            stroke={s.key === null ? OTHER_COLOR : PALETTE[j % PALETTE.length]}
            fill={s.key === null ? OTHER_COLOR : PALETTE[j % PALETTE.length]}
            fillOpacity={0.6}
            isAnimationActive={false}
          />
        ))}
        {hasOther && (
          <Area
            type="monotone"
            dataKey="other"
            name="Other"
            stackId="spend"
            stroke="#616161"
            fill="#bdbdbd"
            isAnimationActive={false}
          />
        )}
      </AreaChart>
    </ResponsiveContainer>
  );
}
