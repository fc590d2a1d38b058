import type {
  CostMetric,
  SpendDimension,
  SpendFilters,
  SpendTotals,
} from '@gatehouse/plugin-cost-common';
import {
  Box,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
} from '@material-ui/core';
import { RANGE_PRESETS, RangePreset } from '../shared/dateRanges';
import { groupLabel } from '@gatehouse/plugin-cost-react';

type Props = {
  preset: RangePreset;
  onPreset(preset: RangePreset): void;
  groupBy: SpendDimension;
  onGroupBy(dimension: SpendDimension): void;
  metric: CostMetric;
  onMetric(metric: CostMetric): void;
  filters: SpendFilters;
  onFilters(filters: SpendFilters): void;
  /** The current grouping's totals: what can be filtered on. */
  options?: SpendTotals;
};

function Choice<T extends string>(props: {
  label: string;
  value: T;
  onChange(value: T): void;
  choices: { value: T; label: string }[];
}) {
  const id = `cost-filter-${props.label.toLowerCase().replace(/\s+/g, '-')}`;
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 180 }}>
      <InputLabel id={id}>{props.label}</InputLabel>
      <Select
        labelId={id}
        label={props.label}
        value={props.value}
        onChange={event => props.onChange(event.target.value as T)}
      >
        {props.choices.map(choice => (
          <MenuItem key={choice.value} value={choice.value}>
            {choice.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** Date range, grouping, cost column and a filter on one group. */
export function CostFilters(props: Props) {
  const keys = (props.options?.groups ?? [])
    .filter(g => g.key !== null)
    .map(g => g.key as string);
  const current = props.filters[props.groupBy];
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} mb={3}>
      <Choice
        label="Date range"
        value={props.preset}
        onChange={props.onPreset}
        choices={RANGE_PRESETS}
      />
      <Choice
        label="Group by"
        value={props.groupBy}
        onChange={value => {
          props.onGroupBy(value);
          props.onFilters({});
        }}
        choices={[
          { value: 'service', label: 'Service' },
          { value: 'team', label: 'Team' },
          { value: 'environment', label: 'Environment' },
        ]}
      />
      <Choice
        label="Cost"
        value={props.metric}
        onChange={props.onMetric}
        choices={[
          { value: 'effective', label: 'Effective (amortised)' },
          { value: 'billed', label: 'Billed' },
        ]}
      />
      <Choice
        label={`Only ${props.groupBy}`}
        value={current ?? ''}
        onChange={value =>
          props.onFilters(value ? { [props.groupBy]: value } : {})
        }
        choices={[
          {
            value: '',
            label: `All ${
              props.groupBy === 'service' ? 'services' : `${props.groupBy}s`
            }`,
          },
          ...[...new Set([...keys, ...(current ? [current] : [])])].map(
            key => ({
              value: key,
              label: groupLabel(key),
            }),
          ),
        ]}
      />
    </Box>
  );
}
