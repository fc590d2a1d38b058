import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import type { DashboardChange } from '@gatehouse/plugin-clusters-common';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';
import { signedMoney } from '@gatehouse/plugin-cost-react';
import { changeRequestRouteRef } from '../../routes';
import { EntityLink } from '../shared/EntityLink';
import { age } from '../shared/format';

function ChangeList(props: {
  label: string;
  changes: DashboardChange[];
  empty: string;
  when: (c: DashboardChange) => string;
}) {
  const requestLink = useRouteRef(changeRequestRouteRef);
  if (props.changes.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.empty}
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label={props.label}>
      {props.changes.map(c => (
        <ListItem key={c.id} disableGutters>
          <ListItemText
            primary={
              requestLink ? (
                <Link to={requestLink({ id: c.id })}>{c.title}</Link>
              ) : (
                c.title
              )
            }
            secondary={
              <>
                <EntityLink entityRef={c.entityRef}>{c.entityRef}</EntityLink>
                {` · ${c.riskLevel} risk`}
                {c.costDelta !== null && ` · ${signedMoney(c.costDelta)}/month`}
                {` · ${props.when(c)}`}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}

/** What is about to change in the environment, and what just did. */
export function ChangesCard(props: {
  pending: DashboardChange[];
  recentlyApproved: DashboardChange[];
  recentDays: number;
  unavailable?: string;
}) {
  return (
    <InfoCard title="Changes">
      {props.unavailable ? (
        <Typography variant="body2" color="error">
          Change requests are unavailable: {props.unavailable}
        </Typography>
      ) : (
        <>
          <Typography variant="subtitle2">
            Waiting for approval ({props.pending.length})
          </Typography>
          <ChangeList
            label="Pending change requests"
            changes={props.pending}
            empty="No change is waiting for approval."
            when={c => `submitted ${age(c.createdAt)} by ${c.submitter}`}
          />
          <Typography variant="subtitle2" style={{ marginTop: 12 }}>
            Approved in the last {props.recentDays} days (
            {props.recentlyApproved.length})
          </Typography>
          <ChangeList
            label="Recently approved changes"
            changes={props.recentlyApproved}
            empty="Nothing was approved recently."
            when={c => `${c.status} ${age(c.updatedAt)}`}
          />
        </>
      )}
    </InfoCard>
  );
}
