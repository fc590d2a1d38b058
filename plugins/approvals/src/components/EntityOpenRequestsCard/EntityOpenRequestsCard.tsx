import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { APPROVALS_INBOX_CHANNEL } from '@gatehouse/plugin-approvals-common';
import {
  Box,
  List,
  ListItem,
  ListItemText,
  Typography,
  useTheme,
} from '@material-ui/core';
import { toneColor } from '@gatehouse/plugin-cost-react';
import { approvalsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { RequestStatusChip, RiskChip } from '../shared/Chips';
import { formatAge } from '../shared/format';
import { useRequestLink } from '../shared/RequestsTable';
import { useRefreshable } from '../shared/useRefreshable';
import { useSignalReload } from '../shared/useSignalReload';

/** Open requests listed on the card; the rest are one click away. */
const LISTED = 5;

/**
 * "Open change requests" on the service's overview: a count that stands out
 * while any change is waiting, and links to each.
 */
export function EntityOpenRequestsCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(approvalsApiRef);
  const requestLink = useRequestLink();
  const theme = useTheme();
  const inboxLink = useRouteRef(rootRouteRef);
  const open = useRefreshable(
    () => api.list({ entityRef, view: 'all', status: 'open', limit: LISTED }),
    [api, entityRef],
  );
  useSignalReload(APPROVALS_INBOX_CHANNEL, open.reload);

  const count = open.value?.total ?? 0;
  // Waiting changes want attention; none waiting is nothing to look at.
  const countColor = toneColor(theme, count > 0 ? 'warning' : 'muted');
  const allLink = `${inboxLink?.() ?? '/approvals'}?${new URLSearchParams({
    view: 'all',
    entityRef,
  })}`;

  let body;
  if (!open.value && open.error) {
    body = <ResponseErrorPanel error={open.error} />;
  } else if (!open.value) {
    body = <Progress />;
  } else if (count === 0) {
    body = (
      <Typography color="textSecondary">
        No open change requests for this service.
      </Typography>
    );
  } else {
    body = (
      <List dense disablePadding aria-label="Open change requests">
        {open.value.items.map(r => (
          <ListItem key={r.id} disableGutters>
            <ListItemText
              primary={<Link to={requestLink(r.id)}>{r.title}</Link>}
              secondary={
                <Box
                  component="span"
                  display="flex"
                  flexWrap="wrap"
                  alignItems="center"
                  style={{ gap: 6, marginTop: 4 }}
                >
                  <RequestStatusChip status={r.status} />
                  <RiskChip level={r.riskLevel} />
                  <span>
                    {r.environment} · {formatAge(r.createdAt)} ·{' '}
                    {r.policySummary}
                  </span>
                </Box>
              }
              secondaryTypographyProps={{ component: 'div' }}
            />
          </ListItem>
        ))}
      </List>
    );
  }

  return (
    <InfoCard
      title={
        <Box display="flex" alignItems="center" style={{ gap: 12 }}>
          Open change requests
          {open.value && (
            <Box
              component="span"
              aria-label={`${count} open change request${
                count === 1 ? '' : 's'
              }`}
              style={{
                minWidth: 28,
                padding: '2px 10px',
                borderRadius: 14,
                fontSize: 14,
                fontWeight: 700,
                textAlign: 'center',
                color: theme.palette.getContrastText(countColor),
                background: countColor,
              }}
            >
              {count}
            </Box>
          )}
        </Box>
      }
      deepLink={
        count > 0
          ? { title: 'All changes of this service', link: allLink }
          : undefined
      }
    >
      {body}
    </InfoCard>
  );
}
