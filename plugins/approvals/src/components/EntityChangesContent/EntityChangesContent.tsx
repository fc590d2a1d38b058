import { useCallback, useEffect, useState } from 'react';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { APPROVALS_INBOX_CHANNEL } from '@gatehouse/plugin-approvals-common';
import { Box, LinearProgress, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { approvalsApiRef } from '../../api';
import { errorMessage } from '../shared/errors';
import { RequestsTable } from '../shared/RequestsTable';
import { useRefreshable } from '../shared/useRefreshable';
import { useSignalReload } from '../shared/useSignalReload';
import { UnapprovedChangesAlert } from './UnapprovedChangesAlert';

const PAGE_SIZE = 25;
/** The newest unapproved changes shown; the panel says how many there are. */
const UNAPPROVED_SHOWN = 20;

/**
 * The service's "Changes" tab: commits on its environments' branches that no
 * approved change accounts for, then every change request for it with how
 * far each approved one has got.
 */
export function EntityChangesContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(approvalsApiRef);
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [entityRef]);

  const list = useRefreshable(
    () =>
      api.list({
        entityRef,
        view: 'all',
        status: 'any',
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
      }),
    [api, entityRef, page],
    { keepPrevious: true },
  );
  // The backend resolves a service to its environments' repositories.
  const unapproved = useRefreshable(
    () => api.unapprovedChanges({ entityRef, limit: UNAPPROVED_SHOWN }),
    [api, entityRef],
  );
  // Decisions, delivery steps and new unapproved changes are all told here.
  const { reload: reloadList } = list;
  const { reload: reloadUnapproved } = unapproved;
  const reloadAll = useCallback(() => {
    reloadList();
    reloadUnapproved();
  }, [reloadList, reloadUnapproved]);
  useSignalReload(APPROVALS_INBOX_CHANNEL, reloadAll);

  return (
    <Box>
      {unapproved.error && (
        <Box mb={2}>
          <Alert severity="warning">
            Could not check for unapproved changes (
            {errorMessage(unapproved.error)}).
          </Alert>
        </Box>
      )}
      {unapproved.value && unapproved.value.items.length > 0 && (
        <Box mb={3}>
          <UnapprovedChangesAlert
            changes={unapproved.value.items}
            total={unapproved.value.total}
          />
        </Box>
      )}
      <Typography variant="h5" component="h2" gutterBottom>
        Change requests
      </Typography>
      <Box height={4} mb={1}>
        {list.loading && <LinearProgress />}
      </Box>
      {list.error && <ResponseErrorPanel error={list.error} />}
      {list.value && (
        <RequestsTable
          aria-label="Change requests of this service"
          items={list.value.items}
          total={list.value.total}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          showDelivery
          emptyText="No change requests for this service yet."
        />
      )}
    </Box>
  );
}
