import { InfoCard } from '@backstage/core-components';
import type {
  InfraPlanChange,
  InfraPlanReview,
} from '@gatehouse/plugin-approvals-common';
import { Box, Chip, Typography, useTheme } from '@material-ui/core';
import { StatusTone, toneColor } from '@gatehouse/plugin-cost-react';

const MARKS: Record<
  InfraPlanChange['kind'],
  { sign: string; tone: StatusTone }
> = {
  added: { sign: '+', tone: 'success' },
  removed: { sign: '−', tone: 'error' },
  changed: { sign: '~', tone: 'warning' },
};

/**
 * What the change's infrastructure plan changes in the request's
 * environment: the plan's semantic diff against the plan in force, one line
 * per change (everything the environment creates when it is new).
 */
export function InfraPlanCard(props: { review: InfraPlanReview }) {
  const { review } = props;
  const theme = useTheme();
  const revisions =
    review.priorRevision === null
      ? `new plan${review.revision ? ` (revision ${review.revision})` : ''}`
      : `revision ${review.priorRevision} → ${review.revision ?? '?'}`;
  return (
    <InfoCard
      title="Infrastructure plan"
      subheader={`${review.service} · ${review.environment} · ${revisions}`}
    >
      <Box display="flex" style={{ gap: 8 }} mb={1}>
        <Chip size="small" variant="outlined" label={`${review.tier} tier`} />
        <Chip
          size="small"
          variant="outlined"
          label={`${review.changes.length} change${
            review.changes.length === 1 ? '' : 's'
          }`}
        />
      </Box>
      {review.changes.length > 0 ? (
        <ul
          aria-label="Plan changes"
          style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}
        >
          {review.changes.map(change => (
            <li key={`${change.kind}:${change.path}`} title={change.path}>
              <Typography variant="body2" component="span">
                <span
                  aria-label={change.kind}
                  style={{
                    color: toneColor(theme, MARKS[change.kind].tone),
                    fontFamily: 'monospace',
                    fontWeight: 700,
                    marginRight: 8,
                  }}
                >
                  {MARKS[change.kind].sign}
                </span>
                {change.summary}
              </Typography>
            </li>
          ))}
        </ul>
      ) : (
        <Typography variant="body2" color="textSecondary">
          The plan changes nothing in {review.environment}.
        </Typography>
      )}
      {review.otherEnvironmentChanges > 0 && (
        <Box mt={1}>
          <Typography variant="caption" color="textSecondary">
            The plan also changes other environments in{' '}
            {review.otherEnvironmentChanges} place
            {review.otherEnvironmentChanges === 1 ? '' : 's'}; those are not
            part of this request.
          </Typography>
        </Box>
      )}
    </InfoCard>
  );
}
