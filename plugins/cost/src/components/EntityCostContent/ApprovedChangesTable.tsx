import { useMemo } from 'react';
import {
  Link,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import {
  ApprovalsApi,
  ApprovalsClient,
  ChangeRequest,
} from '@gatehouse/plugin-approvals-common';
import type { CostApi, EstimateAccuracy } from '@gatehouse/plugin-cost-common';
import { Box, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import {
  accuracyStart,
  approvalTime,
  costApiRef,
  describeError,
  money,
  signedMoney,
  type AccuracyStart,
} from '@gatehouse/plugin-cost-react';
import { approvalRequestRouteRef } from '../../routes';

/** How many of the latest approved changes the tab compares. */
export const RECENT_APPROVED_CHANGES = 5;

export type ApprovedChange = {
  request: ChangeRequest;
  approvedAt: string;
  /** Where the comparison with spend starts: the applied date, else the approval. */
  start: AccuracyStart;
  /** Null when the change had no estimate to compare. */
  accuracy: EstimateAccuracy | null;
  accuracyError?: Error;
};

/**
 * The service's latest approved changes, each with its estimate against the
 * spend that followed. Approved and auto-approved requests are listed by
 * their last update, which for an approved request is its approval (nothing
 * but a decision changes a request's status).
 */
export async function loadApprovedChanges(
  approvals: ApprovalsApi,
  cost: CostApi,
  entityRef: string,
): Promise<ApprovedChange[]> {
  const lists = await Promise.all(
    (['approved', 'auto-approved'] as const).map(status =>
      approvals.list({
        entityRef,
        status,
        view: 'all',
        limit: RECENT_APPROVED_CHANGES,
      }),
    ),
  );
  const recent = lists
    .flatMap(list => list.items)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, RECENT_APPROVED_CHANGES);
  return Promise.all(
    recent.map(async summary => {
      const request = await approvals.get(summary.id);
      const approvedAt = approvalTime(request) ?? summary.updatedAt;
      // Spend is compared from the applied date when the pipeline reported one.
      const start = accuracyStart(request) ?? {
        at: approvedAt,
        basis: 'approved' as const,
      };
      const estimate = request.current.estimate;
      if (!estimate) return { request, approvedAt, start, accuracy: null };
      try {
        const accuracy = await cost.accuracy({
          entityRef,
          environment: request.environment,
          since: start.at,
          estimatedMonthly: estimate.totals.monthlyAfter,
          estimatedDelta: estimate.totals.delta,
        });
        return { request, approvedAt, start, accuracy };
      } catch (error) {
        return {
          request,
          approvedAt,
          start,
          accuracy: null,
          accuracyError: error as Error,
        };
      }
    }),
  );
}

function statusText(change: ApprovedChange): string {
  const { accuracy } = change;
  if (change.accuracyError) {
    return `could not compare: ${change.accuracyError.message}`;
  }
  if (!accuracy) return 'no estimate to compare';
  return accuracy.status === 'settled'
    ? `settled (${accuracy.after!.days} days)`
    : `not enough data yet — settles on ${accuracy.settlesOn}`;
}

/** The latest approved changes of a service: estimate against actual. */
export function ApprovedChangesTable(props: { entityRef: string }) {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const cost = useApi(costApiRef);
  const approvals = useMemo(
    () => new ApprovalsClient({ discoveryApi, fetchApi }),
    [discoveryApi, fetchApi],
  );
  const requestLink = useRouteRef(approvalRequestRouteRef);
  const { value, loading, error } = useAsync(
    () => loadApprovedChanges(approvals, cost, props.entityRef),
    [approvals, cost, props.entityRef],
  );
  if (error) return <ResponseErrorPanel error={error} />;

  const settled = (c: ApprovedChange) =>
    c.accuracy?.status === 'settled' ? c.accuracy : undefined;
  const columns: TableColumn<ApprovedChange>[] = [
    {
      title: 'Change',
      render: c =>
        requestLink ? (
          <Link to={requestLink({ id: c.request.id })}>{c.request.title}</Link>
        ) : (
          c.request.title
        ),
    },
    { title: 'Environment', render: c => c.request.environment },
    {
      title: 'Approved',
      render: c => new Date(c.approvedAt).toLocaleDateString(),
    },
    {
      title: 'Measured from',
      render: c =>
        `${new Date(c.start.at).toLocaleDateString()} (${
          c.start.basis === 'applied'
            ? 'applied'
            : 'approval; no apply reported'
        })`,
    },
    {
      title: 'Estimated / month',
      align: 'right',
      render: c =>
        c.request.current.estimate
          ? money(
              c.request.current.estimate.totals.monthlyAfter,
              c.request.current.estimate.currency,
            )
          : '—',
    },
    {
      title: 'Actual / month',
      align: 'right',
      render: c => {
        const a = settled(c);
        return a ? money(a.actual!.monthly, a.currency) : '—';
      },
    },
    {
      title: 'Error',
      render: c => {
        const a = settled(c);
        return a ? describeError(a.error!.monthly, a.currency) : '—';
      },
    },
    {
      title: 'Estimated / actual change',
      align: 'right',
      render: c => {
        const a = settled(c);
        if (!a || a.estimate.delta === null) return '—';
        return `${signedMoney(a.estimate.delta, a.currency)} / ${
          a.actual!.delta === null
            ? 'unknown'
            : signedMoney(a.actual!.delta, a.currency)
        }`;
      },
    },
    { title: 'Status', render: statusText },
  ];
  return (
    <Table<ApprovedChange>
      title="Approved changes: estimate against actual"
      isLoading={loading}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={value ?? []}
      emptyContent={
        <Box p={2}>
          <Typography color="textSecondary">
            No approved changes for this service yet.
          </Typography>
        </Box>
      }
    />
  );
}
