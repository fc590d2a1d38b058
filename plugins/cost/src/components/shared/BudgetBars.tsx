import type { BudgetStatus } from '@gatehouse/plugin-cost-common';
import { useTheme } from '@material-ui/core';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { BUDGET_STATUS_TONES, toneColor } from '@gatehouse/plugin-cost-react';
import { FORECAST_COLOR } from './chartColors';

/** Budget used so far and forecast for the month, as a percentage of each budget. */
export function BudgetBars(props: { budgets: BudgetStatus[] }) {
  const theme = useTheme();
  const rows = props.budgets.map(b => ({
    name: `${b.key} (${b.dimension})`,
    used: Math.round(b.percentUsed * 10) / 10,
    forecast: Math.round(b.forecastPercent * 10) / 10,
    status: b.status,
  }));
  return (
    <ResponsiveContainer
      width="100%"
      height={Math.max(160, 44 * rows.length + 60)}
    >
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: 24, left: 8, bottom: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
        <XAxis
          type="number"
          unit="%"
          domain={[0, (max: number) => Math.max(120, Math.ceil(max / 10) * 10)]}
        />
        <YAxis
          type="category"
          dataKey="name"
          width={200}
          tick={{ fontSize: 12 }}
        />
        <Tooltip formatter={(value: any) => `${value}% of budget`} />
        <Legend />
        <ReferenceLine
          x={100}
          stroke={toneColor(theme, BUDGET_STATUS_TONES.over)}
          strokeDasharray="4 2"
          label="budget"
        />
        <Bar
          dataKey="used"
          name="Used so far"
          fill={theme.palette.primary.main}
          isAnimationActive={false}
        />
        <Bar
          dataKey="forecast"
          name="Forecast for the month"
          fill={FORECAST_COLOR}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
