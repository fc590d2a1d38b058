import { InfoCard } from '@backstage/core-components';
import type { AuditRecord } from '@gatehouse/plugin-approvals-common';
import { Box, Typography, useTheme } from '@material-ui/core';
import {
  Timeline,
  TimelineConnector,
  TimelineContent,
  TimelineDot,
  TimelineItem,
  TimelineSeparator,
} from '@material-ui/lab';
import { makeStyles } from '@material-ui/core/styles';
import { StatusTone, toneColor } from '@gatehouse/plugin-cost-react';
import { RequestStatusChip } from '../shared/Chips';
import { displayRef, formatTime, shortHash } from '../shared/format';

const ACTION_TEXT: Record<AuditRecord['action'], string> = {
  submitted: 'submitted the request',
  resubmitted: 'submitted a new revision',
  'auto-approved': 'auto-approved by policy',
  approve: 'approved',
  reject: 'rejected',
  'request-changes': 'asked for changes',
  approved: 'approval complete: the policy is satisfied',
  rejected: 'request rejected',
  expired: 'request expired',
  'follow-up-started': 'started the follow-up',
  'follow-up-failed': 'follow-up failed',
  'delivery-proposed': 'proposed the change in its repository',
  'delivery-merged': 'saw the change merged',
  'delivery-applied': 'reported the change applied',
  'delivery-failed': 'reported that applying the change failed',
  'delivery-live': 'saw the change running',
};

type DotColor = 'grey' | 'primary' | 'secondary' | 'inherit';
/** Records that decide something get a coloured dot; the rest stay grey. */
const ACTION_DOT: Partial<Record<AuditRecord['action'], StatusTone>> = {
  approve: 'success',
  approved: 'success',
  'auto-approved': 'success',
  reject: 'error',
  rejected: 'error',
  'follow-up-failed': 'error',
  'delivery-failed': 'error',
  'delivery-applied': 'success',
  'request-changes': 'warning',
  expired: 'neutral',
};

const useStyles = makeStyles({
  // No opposite content: keep the timeline on the left edge.
  missingOppositeContent: { '&:before': { display: 'none' } },
});

/** Every record of the append-only audit trail, oldest first. */
export function AuditTimeline(props: { audit: AuditRecord[] }) {
  const classes = useStyles();
  const theme = useTheme();
  const records = [...props.audit].sort((a, b) => a.sequence - b.sequence);
  return (
    <InfoCard title="Audit trail">
      {records.length === 0 ? (
        <Typography color="textSecondary">No records yet.</Typography>
      ) : (
        <Timeline aria-label="Audit trail" style={{ padding: 0, margin: 0 }}>
          {records.map((record, index) => {
            const tone = ACTION_DOT[record.action];
            const color = tone && toneColor(theme, tone);
            return (
              <TimelineItem
                key={record.sequence}
                classes={{
                  missingOppositeContent: classes.missingOppositeContent,
                }}
              >
                <TimelineSeparator>
                  <TimelineDot
                    color={(color ? 'inherit' : 'grey') as DotColor}
                    style={color ? { background: color } : undefined}
                  />
                  {index < records.length - 1 && <TimelineConnector />}
                </TimelineSeparator>
                <TimelineContent>
                  <Typography variant="body2">
                    <strong>{displayRef(record.actor)}</strong>{' '}
                    {ACTION_TEXT[record.action] ?? record.action}
                  </Typography>
                  <Typography variant="caption" color="textSecondary">
                    {formatTime(record.createdAt)} · revision {record.revision}{' '}
                    ·{' '}
                    <span
                      style={{ fontFamily: 'monospace' }}
                      title={record.contentHash}
                    >
                      {shortHash(record.contentHash)}
                    </span>
                  </Typography>
                  {record.comment && (
                    <Typography
                      variant="body2"
                      style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}
                    >
                      “{record.comment}”
                    </Typography>
                  )}
                  <Box
                    mt={0.5}
                    display="flex"
                    alignItems="center"
                    style={{ gap: 6 }}
                  >
                    <Typography variant="caption" color="textSecondary">
                      Status after:
                    </Typography>
                    <RequestStatusChip status={record.statusAfter} />
                  </Box>
                </TimelineContent>
              </TimelineItem>
            );
          })}
        </Timeline>
      )}
    </InfoCard>
  );
}
