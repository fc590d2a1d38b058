import { useMemo } from 'react';
import { SidebarItem } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { APPROVALS_INBOX_CHANNEL } from '@gatehouse/plugin-approvals-common';
import { Badge } from '@material-ui/core';
import ApprovalsIcon from '@material-ui/icons/AssignmentTurnedIn';
import useInterval from 'react-use/esm/useInterval';
import { approvalsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { useRefreshable } from '../shared/useRefreshable';
import { useSignalReload } from '../shared/useSignalReload';

/** How often the count is asked for, on top of the inbox signal. */
export const COUNTS_POLL_INTERVAL_MS = 60_000;

/**
 * The sidebar's "Approvals" item, with the number of requests waiting for the
 * signed-in user as a badge. Place it in the app's sidebar.
 *
 * @public
 */
export function ApprovalsSidebarItem(props: { text?: string }) {
  const api = useApi(approvalsApiRef);
  const inboxLink = useRouteRef(rootRouteRef);
  const counts = useRefreshable(() => api.counts(), [api]);
  const { reload } = counts;

  useSignalReload(APPROVALS_INBOX_CHANNEL, reload);
  useInterval(reload, COUNTS_POLL_INTERVAL_MS);

  const waiting = counts.value?.waitingForMe ?? 0;
  const Icon = useMemo(
    () => () =>
      waiting > 0 ? (
        <Badge
          badgeContent={waiting}
          max={99}
          color="secondary"
          overlap="rectangular"
          aria-label={`${waiting} waiting for you`}
        >
          <ApprovalsIcon />
        </Badge>
      ) : (
        <ApprovalsIcon />
      ),
    [waiting],
  );

  return (
    <SidebarItem
      icon={Icon}
      to={`${inboxLink?.() ?? '/approvals'}?view=waiting`}
      text={props.text ?? 'Approvals'}
    />
  );
}
