import { useCallback, useMemo } from 'react';
import {
  Content,
  ContentHeader,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { APPROVALS_INBOX_CHANNEL } from '@gatehouse/plugin-approvals-common';
import { Box, LinearProgress, Paper, Tab, Tabs } from '@material-ui/core';
import { useSearchParams } from 'react-router-dom';
import { approvalsApiRef } from '../../api';
import { RequestsTable } from '../shared/RequestsTable';
import { useRefreshable } from '../shared/useRefreshable';
import { useSignalReload } from '../shared/useSignalReload';
import {
  FILTER_KEYS,
  InboxFilters,
  InboxView,
  DEFAULT_FILTERS,
  parseFilters,
  parseView,
  toQuery,
} from './filters';
import { InboxFiltersBar } from './InboxFiltersBar';

export const PAGE_SIZE = 25;

const EMPTY_TEXT: Record<InboxView, string> = {
  waiting: 'Nothing is waiting for you.',
  mine: 'You have no change requests that match.',
  all: 'No change requests match.',
};

/** A tab label with its count, when the count is known. */
const label = (text: string, count?: number, suffix = '') =>
  count === undefined ? text : `${text} (${count}${suffix})`;

/**
 * The approvals inbox: what waits for me, what I asked for, and everything,
 * each filtered by environment, service, risk, cost and age. The view, the
 * filters and the page live in the URL, so a filtered inbox can be shared.
 */
export function InboxPage() {
  const api = useApi(approvalsApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const view = parseView(searchParams.get('view'));
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);
  const page = Math.max(0, Number(searchParams.get('page')) || 0);

  const update = useCallback(
    (next: { view?: InboxView; filters?: InboxFilters; page?: number }) => {
      const params = new URLSearchParams();
      params.set('view', next.view ?? view);
      const f = next.filters ?? filters;
      for (const key of FILTER_KEYS) {
        if (f[key] !== DEFAULT_FILTERS[key]) params.set(key, f[key]);
      }
      // A new view or new filters start again on the first page.
      const p = next.page ?? (next.view || next.filters ? 0 : page);
      if (p > 0) params.set('page', String(p));
      setSearchParams(params, { replace: true });
    },
    [view, filters, page, setSearchParams],
  );

  const query = useMemo(
    () => toQuery(view, filters, page, PAGE_SIZE),
    [view, filters, page],
  );
  const list = useRefreshable(() => api.list(query), [api, query], {
    keepPrevious: true,
  });
  const counts = useRefreshable(() => api.counts(), [api]);

  // The backend signals when anything in the inbox changes.
  const { reload: reloadList } = list;
  const { reload: reloadCounts } = counts;
  useSignalReload(
    APPROVALS_INBOX_CHANNEL,
    useCallback(() => {
      reloadList();
      reloadCounts();
    }, [reloadList, reloadCounts]),
  );

  return (
    <Content>
      <ContentHeader title="Change requests">
        <SupportButton>
          Every infrastructure change waits here until the people its policy
          names have seen what changes, what it costs, what could go wrong and
          how to undo it. High-risk requests come first, then the oldest.
        </SupportButton>
      </ContentHeader>
      <Paper variant="outlined" style={{ marginBottom: 16 }}>
        <Tabs
          value={view}
          onChange={(_e, value: InboxView) => update({ view: value })}
          indicatorColor="primary"
          textColor="primary"
          aria-label="Inbox views"
        >
          <Tab
            value="waiting"
            label={label('Waiting for me', counts.value?.waitingForMe)}
          />
          <Tab value="mine" label={label('My requests', counts.value?.mine)} />
          <Tab value="all" label={label('All', counts.value?.open, ' open')} />
        </Tabs>
      </Paper>
      <InboxFiltersBar
        filters={filters}
        onChange={next => update({ filters: next })}
      />
      <Box height={4} mb={1}>
        {list.loading && (
          <LinearProgress aria-label="Loading change requests" />
        )}
      </Box>
      {list.error && (
        <Box mb={2}>
          <ResponseErrorPanel error={list.error} />
        </Box>
      )}
      {list.value && (
        <RequestsTable
          aria-label={`Change requests: ${view}`}
          items={list.value.items}
          total={list.value.total}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={p => update({ page: p })}
          emptyText={EMPTY_TEXT[view]}
        />
      )}
    </Content>
  );
}
