import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import type { UnapprovedChange } from '@gatehouse/plugin-approvals-common';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { unapprovedChangesApiRef } from '../../api';
import { EntityLink } from '../shared/EntityLink';
import { age, plural } from '../shared/format';

/** The newest alerts shown; the card says how many there are in all. */
const SHOWN = 20;

function UnapprovedChangeItem(props: {
  change: UnapprovedChange;
  now: number;
}) {
  const { change: c, now } = props;
  return (
    <ListItem disableGutters>
      <ListItemText
        primary={
          <>
            <span style={{ fontFamily: 'monospace' }} title={c.commit}>
              {c.commit.slice(0, 7)}
            </span>{' '}
            {c.summary}
          </>
        }
        secondary={
          <>
            <EntityLink entityRef={c.entityRef}>{c.entityRef}</EntityLink>
            {` · ${c.branch} · by ${c.author} · ${c.reason} · detected `}
            <time dateTime={c.detectedAt}>{age(c.detectedAt, now)}</time>
          </>
        }
      />
    </ListItem>
  );
}

/**
 * Commits on any environment's target branch that no approved change request
 * accounts for, newest first, from the approvals backend's alerts.
 */
export function UnapprovedChangesCard(props: {
  refreshMs: number;
  /** The time ages are told from; the clock by default. */
  now?: number;
}) {
  const api = useApi(unapprovedChangesApiRef);
  const alerts = useAsyncRetry(
    () => api.unapprovedChanges({ limit: SHOWN }),
    [api],
  );
  useInterval(alerts.retry, props.refreshMs);
  const now = props.now ?? Date.now();

  let body;
  if (!alerts.value && alerts.error) {
    body = (
      <Typography variant="body2" color="error">
        Unapproved changes are unavailable: {alerts.error.message}
      </Typography>
    );
  } else if (!alerts.value) {
    body = <Progress />;
  } else if (alerts.value.items.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No unapproved changes detected
      </Typography>
    );
  } else {
    const { items, total } = alerts.value;
    body = (
      <>
        <Alert severity="error">
          {plural(total, 'commit')} on environment branches that no approved
          change request accounts for; owners and platform approvers were
          notified.
          {total > items.length && ` The newest ${items.length} are listed.`}
        </Alert>
        <List dense disablePadding aria-label="Unapproved commits">
          {items.map(change => (
            <UnapprovedChangeItem key={change.id} change={change} now={now} />
          ))}
        </List>
      </>
    );
  }
  return <InfoCard title="Unapproved changes">{body}</InfoCard>;
}
