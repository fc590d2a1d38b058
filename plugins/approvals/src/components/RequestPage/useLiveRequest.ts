import { useApi } from '@backstage/frontend-plugin-api';
import {
  approvalRequestChannel,
  ChangeRequest,
} from '@gatehouse/plugin-approvals-common';
import useInterval from 'react-use/esm/useInterval';
import { approvalsApiRef } from '../../api';
import { useSignalReload } from '../shared/useSignalReload';
import { Refreshable, useRefreshable } from '../shared/useRefreshable';

/** How often the page reloads when the app has no signals to push changes. */
export const POLL_INTERVAL_MS = 15_000;

/**
 * One change request, kept current: reloaded on every message of its signal
 * channel, or every 15 s when signals are not available.
 */
export function useLiveRequest(
  id: string,
): Refreshable<ChangeRequest> & { live: boolean } {
  const api = useApi(approvalsApiRef);
  const request = useRefreshable(() => api.get(id), [api, id]);
  const { reload } = request;

  const isSignalsAvailable = useSignalReload(
    approvalRequestChannel(id),
    reload,
  );
  useInterval(reload, isSignalsAvailable ? null : POLL_INTERVAL_MS);

  return { ...request, live: isSignalsAvailable };
}
