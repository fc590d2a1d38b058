import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  InputAdornment,
  MenuItem,
  TextField,
} from '@material-ui/core';
import useDebounce from 'react-use/esm/useDebounce';
import {
  DEFAULT_FILTERS,
  filterProblems,
  InboxFilters,
  STATUS_FILTERS,
} from './filters';

/** Typing settles for this long before the list is asked again. */
const TYPING_DEBOUNCE_MS = 400;

type TextKey =
  | 'environment'
  | 'entityRef'
  | 'minCostDelta'
  | 'maxCostDelta'
  | 'olderThanHours';

/**
 * The inbox's filters. Lists apply at once; typed values apply once typing
 * settles, and a value the backend would refuse is flagged and left out.
 */
export function InboxFiltersBar(props: {
  filters: InboxFilters;
  onChange: (filters: InboxFilters) => void;
}) {
  const { filters, onChange } = props;
  const [draft, setDraft] = useState(filters);

  // Follow changes made elsewhere (the URL, "Clear filters").
  useEffect(() => setDraft(filters), [filters]);

  useDebounce(
    () => {
      const changed = (Object.keys(draft) as Array<keyof InboxFilters>).some(
        key => draft[key] !== filters[key],
      );
      if (changed) onChange(draft);
    },
    TYPING_DEBOUNCE_MS,
    [draft],
  );

  const problems = filterProblems(draft);
  const text = (
    key: TextKey,
    label: string,
    extra?: { placeholder?: string; adornment?: string; width?: number },
  ) => (
    <TextField
      label={label}
      value={draft[key]}
      placeholder={extra?.placeholder}
      size="small"
      variant="outlined"
      error={!!problems[key]}
      helperText={problems[key]}
      style={{ width: extra?.width ?? 160 }}
      inputProps={{ 'aria-label': label }}
      InputProps={
        extra?.adornment
          ? {
              startAdornment: (
                <InputAdornment position="start">
                  {extra.adornment}
                </InputAdornment>
              ),
            }
          : undefined
      }
      onChange={e => setDraft({ ...draft, [key]: e.target.value })}
    />
  );

  const isDefault = (
    Object.keys(DEFAULT_FILTERS) as Array<keyof InboxFilters>
  ).every(key => filters[key] === DEFAULT_FILTERS[key]);

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="flex-start"
      style={{ gap: 12 }}
      mb={2}
      role="search"
      aria-label="Filter change requests"
    >
      <TextField
        select
        label="Status"
        value={draft.status}
        size="small"
        variant="outlined"
        style={{ width: 200 }}
        SelectProps={{ SelectDisplayProps: { 'aria-label': 'Status' } as any }}
        onChange={e => {
          const next = {
            ...draft,
            status: e.target.value as InboxFilters['status'],
          };
          setDraft(next);
          onChange(next);
        }}
      >
        {STATUS_FILTERS.map(s => (
          <MenuItem key={s.value} value={s.value}>
            {s.label}
          </MenuItem>
        ))}
      </TextField>
      {text('environment', 'Environment', { placeholder: 'production' })}
      {text('entityRef', 'Service', {
        placeholder: 'component:default/payments',
        width: 260,
      })}
      <TextField
        select
        label="Risk"
        value={draft.risk}
        size="small"
        variant="outlined"
        style={{ width: 120 }}
        SelectProps={{ SelectDisplayProps: { 'aria-label': 'Risk' } as any }}
        onChange={e => {
          const next = {
            ...draft,
            risk: e.target.value as InboxFilters['risk'],
          };
          setDraft(next);
          onChange(next);
        }}
      >
        <MenuItem value="">Any</MenuItem>
        <MenuItem value="high">High</MenuItem>
        <MenuItem value="medium">Medium</MenuItem>
        <MenuItem value="low">Low</MenuItem>
      </TextField>
      {text('minCostDelta', 'Min cost delta', { adornment: '$', width: 140 })}
      {text('maxCostDelta', 'Max cost delta', { adornment: '$', width: 140 })}
      {text('olderThanHours', 'Older than (hours)', { width: 150 })}
      {!isDefault && (
        <Button
          size="small"
          style={{ marginTop: 6 }}
          onClick={() => onChange(DEFAULT_FILTERS)}
        >
          Clear filters
        </Button>
      )}
    </Box>
  );
}
