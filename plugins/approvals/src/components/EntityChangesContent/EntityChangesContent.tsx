import { useEffect, useState } from 'react';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { APPROVALS_INBOX_CHANNEL } from '@gatehouse/plugin-approvals-common';
import { Box, LinearProgress, Typography } from '@material-ui/core';
import { approvalsApiRef } from '../../api';
import { RequestsTable } from '../shared/RequestsTable';
import { useRefreshable } from '../shared/useRefreshable';
import { useSignalReload } from '../shared/useSignalReload';

const PAGE_SIZE = 25;

/** The service's "Changes" tab: every change request for it, newest decisions included. */
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
  useSignalReload(APPROVALS_INBOX_CHANNEL, list.reload);

  return (
    <Box>
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
          emptyText="No change requests for this service yet."
        />
      )}
    </Box>
  );
}
