import {
  Content,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef, useRouteRefParams } from '@backstage/frontend-plugin-api';
import {
  Box,
  Button,
  Chip,
  Grid,
  LinearProgress,
  Tooltip,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { requestRouteRef, rootRouteRef } from '../../routes';
import { RequestStatusChip, RiskChip } from '../shared/Chips';
import { displayRef } from '../shared/format';
import { errorMessage } from '../shared/errors';
import { AuditTimeline } from './AuditTimeline';
import { SummaryCard } from './SummaryCard';
import { CostCard } from './CostCard';
import { DecisionCard } from './DecisionCard';
import { DeliveryCard } from './DeliveryCard';
import { EstimateVsActualCard } from './EstimateVsActualCard';
import { FilesCard } from './FilesCard';
import { InfraPlanCard } from './InfraPlanCard';
import { NotesCard } from './NotesCard';
import { PolicyCard } from './PolicyCard';
import { ResourceChangesCard } from './ResourceChangesCard';
import { RiskCard } from './RiskCard';
import { POLL_INTERVAL_MS, useLiveRequest } from './useLiveRequest';

/**
 * One change request: what changes, what it costs, what could go wrong, how
 * to undo it, who must approve, what happened so far, and the decision. The
 * page follows the request live.
 */
export function RequestView(props: { id: string }) {
  const request = useLiveRequest(props.id);
  const inboxLink = useRouteRef(rootRouteRef);
  const { value: r, error, loading } = request;

  if (!r) {
    if (error) return <ResponseErrorPanel error={error} />;
    return <Progress />;
  }

  return (
    <>
      <Box height={4}>{loading && <LinearProgress />}</Box>
      <Box mb={3}>
        <Typography variant="body2">
          <Link to={inboxLink?.() ?? '/approvals'}>Approvals</Link> / change
          request
        </Typography>
        <Typography variant="h4" component="h1" gutterBottom>
          {r.title}
        </Typography>
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="center"
          style={{ gap: 8 }}
        >
          <RequestStatusChip status={r.status} />
          <RiskChip level={r.riskLevel} />
          <Chip size="small" variant="outlined" label={r.environment} />
          <Typography variant="body2" color="textSecondary">
            {displayRef(r.entityRef)} · revision {r.current.revision} ·{' '}
            {r.policySummary}
          </Typography>
          <Tooltip
            title={
              request.live
                ? 'Updates as soon as anything happens to this request'
                : `Signals are unavailable: reloads every ${
                    POLL_INTERVAL_MS / 1000
                  } s`
            }
          >
            <Typography variant="caption" color="textSecondary">
              {request.live ? '● live' : `↻ every ${POLL_INTERVAL_MS / 1000} s`}
            </Typography>
          </Tooltip>
          {r.viewer.canDecide && (
            <Button
              size="small"
              variant="outlined"
              color="primary"
              href="#decision"
              style={{ marginLeft: 'auto' }}
            >
              Go to decision
            </Button>
          )}
        </Box>
      </Box>
      {error && (
        <Box mb={2}>
          <Alert severity="warning">
            Could not refresh this request ({errorMessage(error)}); showing what
            was loaded last.
          </Alert>
        </Box>
      )}
      <Grid container spacing={3}>
        <Grid item xs={12} md={7}>
          <SummaryCard request={r} />
        </Grid>
        <Grid item xs={12} md={5}>
          <Box mb={3}>
            <RiskCard risk={r.current.risk} />
          </Box>
          <PolicyCard request={r} />
        </Grid>
        {(r.status === 'approved' || r.status === 'auto-approved') && (
          // Once approved, where the change is matters more than the review.
          <Grid item xs={12}>
            <DeliveryCard request={r} />
          </Grid>
        )}
        {r.current.infraPlan && (
          <Grid item xs={12}>
            <InfraPlanCard review={r.current.infraPlan} />
          </Grid>
        )}
        {(r.current.hasPlan || !r.current.infraPlan) && (
          <Grid item xs={12}>
            <ResourceChangesCard summary={r.current.summary} />
          </Grid>
        )}
        <Grid item xs={12}>
          <CostCard revision={r.current} />
        </Grid>
        <EstimateVsActualCard request={r} />
        <Grid item xs={12}>
          <FilesCard request={r} />
        </Grid>
        <Grid item xs={12}>
          <NotesCard notes={r.current.notes} />
        </Grid>
        <Grid item xs={12} md={7}>
          <AuditTimeline audit={r.audit} />
        </Grid>
        <Grid item xs={12} md={5} id="decision">
          <DecisionCard
            request={r}
            onDecided={request.setValue}
            reload={request.reload}
          />
        </Grid>
      </Grid>
    </>
  );
}

/** The request page, at /approvals/requests/:id. */
export function RequestPage() {
  const { id } = useRouteRefParams(requestRouteRef);
  return (
    <Content>
      <RequestView key={id} id={id} />
    </Content>
  );
}
