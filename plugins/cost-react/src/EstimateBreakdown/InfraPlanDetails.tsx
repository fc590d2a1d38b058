import type { InfraPlanEstimateDetails } from '@gatehouse/plugin-cost-common';
import {
  Box,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
  useTheme,
} from '@material-ui/core';
import { money, signedMoney } from '@gatehouse/plugin-cost-common';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The infrastructure-plan part of an estimate: each environment against its
 * budget, and each node group's workloads as a share of its nodes.
 */
export function InfraPlanDetails(props: {
  details: InfraPlanEstimateDetails;
  currency: string;
}) {
  const { details, currency } = props;
  const theme = useTheme();
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" gutterBottom>
        Environments of {details.service}
        {details.comparedWithPrior
          ? ` (revision ${details.priorRevision ?? '?'} → ${
              details.revision ?? '?'
            })`
          : ''}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="Environments and their budgets">
          <TableHead>
            <TableRow>
              <TableCell>Environment</TableCell>
              <TableCell>Change</TableCell>
              <TableCell align="right">Current / month</TableCell>
              <TableCell align="right">Proposed / month</TableCell>
              <TableCell align="right">Change</TableCell>
              <TableCell align="right">Budget</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {details.environments.map(env => (
              <TableRow key={env.name}>
                <TableCell>
                  {env.name}
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    display="block"
                  >
                    {env.tier}, {env.region}
                    {env.unpricedCount > 0
                      ? `, ${env.unpricedCount} not priced`
                      : ''}
                  </Typography>
                </TableCell>
                <TableCell>{env.change}</TableCell>
                <TableCell align="right">
                  {money(env.monthlyBefore, currency)}
                </TableCell>
                <TableCell align="right">
                  {money(env.monthlyAfter, currency)}
                  {env.range.low !== env.range.high && (
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      display="block"
                    >
                      {money(env.range.low, currency)} –{' '}
                      {money(env.range.high, currency)}
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right">
                  {signedMoney(env.delta, currency)}
                </TableCell>
                <TableCell
                  align="right"
                  style={
                    env.overBudget
                      ? { color: theme.palette.error.main }
                      : undefined
                  }
                >
                  {env.budgetMonthly === null
                    ? '—'
                    : `${money(env.budgetMonthly, currency)} (${percent(
                        env.monthlyAfter / env.budgetMonthly,
                      )}${env.overBudget ? ', over' : ''})`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {details.workloads.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 16 }}>
            Workloads as a share of their node group
          </Typography>
          <Typography variant="caption" color="textSecondary" paragraph>
            Pod requests priced as a share of the nodes they run on. For
            information: the nodes are already in the totals above.
          </Typography>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="Workloads by node group">
              <TableHead>
                <TableRow>
                  <TableCell>Node group</TableCell>
                  <TableCell align="right">Nodes / month</TableCell>
                  <TableCell align="right">Requested / month</TableCell>
                  <TableCell>Workloads</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {details.workloads.map(group => (
                  <TableRow key={`${group.environment}/${group.nodeGroup}`}>
                    <TableCell>
                      {group.environment}/{group.nodeGroup}
                      <Typography
                        variant="caption"
                        color="textSecondary"
                        display="block"
                      >
                        {group.desiredNodes} × {group.instanceType}
                      </Typography>
                    </TableCell>
                    <TableCell align="right">
                      {money(group.nodeGroupMonthly, currency)}
                    </TableCell>
                    <TableCell align="right">
                      {money(group.requestedMonthly, currency)}
                      {group.shareOfNodeGroup !== null &&
                        ` (${percent(group.shareOfNodeGroup)})`}
                    </TableCell>
                    <TableCell>
                      {group.workloads.map(w => (
                        <Typography key={w.name} variant="body2">
                          {w.name}: {w.replicas}
                          {w.replicaRange
                            ? ` (${w.replicaRange.min}–${w.replicaRange.max})`
                            : ''}{' '}
                          × {money(w.monthlyPerPod, currency)}
                        </Typography>
                      ))}
                      {group.unpriced.map(u => (
                        <Typography
                          key={u.name}
                          variant="caption"
                          color="error"
                        >
                          {u.name}: {u.reason}
                        </Typography>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}
    </Box>
  );
}
