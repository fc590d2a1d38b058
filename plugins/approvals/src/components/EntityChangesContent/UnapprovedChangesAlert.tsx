import { Link } from '@backstage/core-components';
import type { UnapprovedChange } from '@gatehouse/plugin-approvals-common';
import { Box, Typography } from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import { useRequestLink } from '../shared/RequestsTable';
import {
  displayRef,
  formatRelative,
  formatTime,
  shortCommit,
} from '../shared/format';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function UnapprovedChangeItem(props: {
  change: UnapprovedChange;
  now: number;
}) {
  const { change: c, now } = props;
  const requestLink = useRequestLink();
  return (
    <Box component="li" mb={1}>
      <Typography variant="body2">
        <span style={{ fontFamily: 'monospace' }} title={c.commit}>
          {shortCommit(c.commit)}
        </span>{' '}
        <strong>{c.summary}</strong>
      </Typography>
      <Typography variant="body2">
        by {c.author} · detected{' '}
        <time dateTime={c.detectedAt}>{formatTime(c.detectedAt)}</time> (
        {formatRelative(c.detectedAt, now)}) · {displayRef(c.entityRef)}:{' '}
        <span style={{ wordBreak: 'break-all' }}>
          {c.branch} of {c.repository}
        </span>
      </Typography>
      <Typography variant="body2">
        Why: {c.reason}
        {c.requestId && (
          <>
            {' '}
            (
            <Link to={requestLink(c.requestId)}>
              the change request it names
            </Link>
            )
          </>
        )}
      </Typography>
    </Box>
  );
}

/**
 * The commits on the entity's environment branches that no approved change
 * accounts for, newest first; nothing when there are none.
 */
export function UnapprovedChangesAlert(props: {
  changes: UnapprovedChange[];
  total: number;
  /** The time relative times are told from; the clock by default. */
  now?: number;
}) {
  const { changes, total } = props;
  const now = props.now ?? Date.now();
  if (changes.length === 0) return null;
  return (
    // A standing panel, not an announcement: a region, not role="alert".
    <Alert severity="error" role="region" aria-label="Unapproved changes">
      <AlertTitle>{plural(total, 'unapproved change')}</AlertTitle>
      <Typography variant="body2" paragraph>
        Commits on the environment's branch that no approved change request
        accounts for; owners and platform approvers were notified.
        {total > changes.length &&
          ` Showing the newest ${changes.length} of ${total}.`}
      </Typography>
      <Box component="ul" aria-label="Unapproved commits" m={0} pl={2.5}>
        {changes.map(change => (
          <UnapprovedChangeItem key={change.id} change={change} now={now} />
        ))}
      </Box>
    </Alert>
  );
}
