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
import { SERIES_COLORS } from './chartColors';

/** Daily spend stacked by group, the rest as "Other". */
export function SpendChart(props: {
  data: SpendTimeseries;
  height?: number;
  currency?: string;
}) {
  const theme = useTheme();
  const { grey } = theme.palette;
  // Unattributed spend is grey: it belongs to no group.
  const seriesColor = (key: string | null, index: number) =>
    key === null ? grey[500] : SERIES_COLORS[index % SERIES_COLORS.length];
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
            stroke={seriesColor(s.key, j)}
            fill={seriesColor(s.key, j)}
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
            stroke={grey[700]}
            fill={grey[400]}
            isAnimationActive={false}
          />
        )}
      </AreaChart>
    </ResponsiveContainer>
  );
}
