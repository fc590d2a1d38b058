import { useEffect, useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  costIngestionManagePermission,
  IngestionRun,
} from '@gatehouse/plugin-cost-common';
import { Box, Button, LinearProgress, Typography } from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { costApiRef } from '@gatehouse/plugin-cost-react';

const POLL_MS = 1000;

function RunProgress(props: { run: IngestionRun }) {
  const { run } = props;
  const value =
    run.filesTotal > 0
      ? ((run.filesDone + run.filesSkipped) / run.filesTotal) * 100
      : 0;
  return (
    <Box mb={2} aria-label="Ingestion progress">
      <Typography variant="body2">
        {run.status === 'queued'
          ? 'Queued…'
          : `File ${run.filesDone + run.filesSkipped} of ${run.filesTotal}`}
        {run.currentFile ? `: ${run.currentFile}` : ''} —{' '}
        {run.rowsRead.toLocaleString()} rows read
      </Typography>
      <LinearProgress
        variant={run.status === 'queued' ? 'indeterminate' : 'determinate'}
        value={value}
      />
    </Box>
  );
}

/** The billing ingestion: last runs, and "ingest now" with live progress for its operators. */
export function IngestionCard(props: { onIngested(): void }) {
  const api = useApi(costApiRef);
  const { allowed } = usePermission({
    permission: costIngestionManagePermission,
  });
  const listing = useAsyncRetry(
    async () => (allowed ? api.listIngestions(5) : undefined),
    [api, allowed],
  );
  const [active, setActive] = useState<IngestionRun>();
  const [error, setError] = useState<Error>();

  useEffect(() => {
    if (!active || active.status === 'succeeded' || active.status === 'failed')
      return undefined;
    const timer = setTimeout(async () => {
      try {
        const next = await api.getIngestion(active.id);
        setActive(next);
        if (next.status === 'succeeded' || next.status === 'failed') {
          listing.retry();
          props.onIngested();
        }
      } catch (e) {
        setError(e as Error);
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [api, active, listing, props]);

  if (!allowed) {
    return (
      <InfoCard title="Billing ingestion">
        <Typography color="textSecondary">
          Billing exports are ingested on a schedule. The platform team and
          FinOps can start an ingestion here.
        </Typography>
      </InfoCard>
    );
  }
  const running =
    active && (active.status === 'queued' || active.status === 'running');
  const last = listing.value?.runs[0];
  return (
    <InfoCard
      title="Billing ingestion"
      subheader={`${listing.value?.files.length ?? 0} billing files ingested`}
    >
      {error && <ResponseErrorPanel error={error} />}
      {listing.loading && <Progress />}
      {running && <RunProgress run={active} />}
      {!running && last && (
        <Typography variant="body2" paragraph>
          Last run ({last.trigger}) {last.status}
          {last.finishedAt
            ? ` at ${new Date(last.finishedAt).toLocaleString()}`
            : ''}
          : {last.message ?? ''}
        </Typography>
      )}
      <Button
        variant="contained"
        color="primary"
        disabled={Boolean(running)}
        onClick={async () => {
          try {
            setError(undefined);
            setActive(await api.startIngestion());
          } catch (e) {
            setError(e as Error);
          }
        }}
      >
        Ingest now
      </Button>
    </InfoCard>
  );
}
