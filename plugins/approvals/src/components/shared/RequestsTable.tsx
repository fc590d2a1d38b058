import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ChangeRequestSummary } from '@gatehouse/plugin-approvals-common';
import {
  Box,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  Tooltip,
  Typography,
  useTheme,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { costChangeColor, formatCostDelta } from '@gatehouse/plugin-cost-react';
import { requestRouteRef } from '../../routes';
import { DeliveryChip, RequestStatusChip, RiskChip } from './Chips';
import {
  displayEnvironment,
  displayRef,
  displaySubmitter,
  formatAge,
  formatTime,
} from './format';

export type RequestsTableProps = {
  items: ChangeRequestSummary[];
  total: number;
  /** Zero-based page, of `pageSize` rows. */
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  emptyText: string;
  /** Hide the service column (on the service's own page). */
  hideService?: boolean;
  /** Show how far each approved change has got on its way to the clusters. */
  showDelivery?: boolean;
  'aria-label'?: string;
};

/** Link to one request's page, usable from any of this plugin's views. */
export function useRequestLink(): (id: string) => string {
  const link = useRouteRef(requestRouteRef);
  return id =>
    link?.({ id }) ?? `/approvals/requests/${encodeURIComponent(id)}`;
}

const useStyles = makeStyles({
  // Words are never cut in the middle ("Environ/ment"): headers stay on one
  // line, and a column too narrow for its longest word makes the table
  // scroll sideways in its container rather than break the word.
  table: {
    '& th, & td': { overflowWrap: 'normal', wordBreak: 'normal' },
    '& th': { whiteSpace: 'nowrap' },
  },
});

/** How far an approved change has got; nothing for a change not approved. */
function DeliveryCell(props: { request: ChangeRequestSummary }) {
  const { deliveryState, status } = props.request;
  if (deliveryState) return <DeliveryChip state={deliveryState} />;
  const approved = status === 'approved' || status === 'auto-approved';
  return (
    <Typography variant="body2" color="textSecondary">
      {approved ? 'Not proposed yet' : '—'}
    </Typography>
  );
}

/**
 * Change requests in the order the backend gives them (high risk first, then
 * the oldest): the order is the triage, so the table never re-sorts.
 */
export function RequestsTable(props: RequestsTableProps) {
  const { items, hideService, showDelivery } = props;
  const columns = 9 - (hideService ? 1 : 0) + (showDelivery ? 1 : 0);
  const requestLink = useRequestLink();
  const theme = useTheme();
  const classes = useStyles();
  const now = Date.now();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table
        size="small"
        className={classes.table}
        aria-label={props['aria-label'] ?? 'Change requests'}
      >
        <TableHead>
          <TableRow>
            <TableCell>Title</TableCell>
            {!hideService && <TableCell>Service</TableCell>}
            <TableCell>Environment</TableCell>
            <TableCell>Status</TableCell>
            {showDelivery && <TableCell>Delivery</TableCell>}
            <TableCell>Risk</TableCell>
            <TableCell align="right">Cost delta</TableCell>
            <TableCell align="right">Age</TableCell>
            <TableCell>Policy</TableCell>
            <TableCell>Submitter</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns}>
                <Box p={2}>
                  <Typography color="textSecondary">
                    {props.emptyText}
                  </Typography>
                </Box>
              </TableCell>
            </TableRow>
          )}
          {items.map(r => (
            <TableRow key={r.id} hover data-testid={`request-row-${r.id}`}>
              <TableCell>
                <Link to={requestLink(r.id)}>{r.title}</Link>
                {r.revision > 1 && (
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    display="block"
                  >
                    revision {r.revision}
                  </Typography>
                )}
              </TableCell>
              {!hideService && (
                <TableCell>
                  <EntityRefLink
                    entityRef={r.entityRef}
                    title={displayRef(r.entityRef)}
                  />
                </TableCell>
              )}
              <TableCell>{displayEnvironment(r)}</TableCell>
              <TableCell>
                <RequestStatusChip status={r.status} />
              </TableCell>
              {showDelivery && (
                <TableCell>
                  <DeliveryCell request={r} />
                </TableCell>
              )}
              <TableCell>
                <RiskChip level={r.riskLevel} />
              </TableCell>
              <TableCell
                align="right"
                style={{
                  color: costChangeColor(theme, r.costDelta),
                  whiteSpace: 'nowrap',
                }}
              >
                {formatCostDelta(r.costDelta)}
              </TableCell>
              <TableCell align="right">
                <Tooltip title={`Submitted ${formatTime(r.createdAt)}`}>
                  <span>{formatAge(r.createdAt, now)}</span>
                </Tooltip>
              </TableCell>
              <TableCell>
                <Typography variant="body2">{r.policySummary}</Typography>
              </TableCell>
              <TableCell>
                {displaySubmitter(r.submitter, r.submitterKind)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {props.total > props.pageSize && (
        <TablePagination
          component="div"
          count={props.total}
          page={props.page}
          rowsPerPage={props.pageSize}
          rowsPerPageOptions={[props.pageSize]}
          onPageChange={(_e, page) => props.onPageChange(page)}
        />
      )}
    </TableContainer>
  );
}
