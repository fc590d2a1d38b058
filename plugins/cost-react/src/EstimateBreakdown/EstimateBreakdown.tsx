import { Fragment, useState } from 'react';
import type {
  CostEstimate,
  ResourceCostEstimate,
} from '@gatehouse/plugin-cost-common';
import {
  Box,
  Collapse,
  IconButton,
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
import ExpandMore from '@material-ui/icons/ExpandMore';
import ExpandLess from '@material-ui/icons/ExpandLess';
import { money, signedMoney } from '@gatehouse/plugin-cost-common';
import { costChangeColor, ResourceActionChip } from '../status';
import { InfraPlanDetails } from './InfraPlanDetails';
import {
  ApproximateResourceChip,
  ApproximateSummary,
  PriceProvenanceLabel,
} from './PriceProvenance';

function Totals(props: { estimate: CostEstimate }) {
  const { totals, currency, summary } = props.estimate;
  const theme = useTheme();
  const ranged = totals.range.low !== totals.range.high;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 32 }}
      mb={2}
      aria-label="Estimate totals"
    >
      <Box>
        <Typography variant="overline">Current monthly</Typography>
        <Typography variant="h5">
          {money(totals.monthlyBefore, currency)}
        </Typography>
      </Box>
      <Box>
        <Typography variant="overline">Proposed monthly</Typography>
        <Typography variant="h5">
          {money(totals.monthlyAfter, currency)}
        </Typography>
        {ranged && (
          <Typography variant="body2" color="textSecondary">
            {money(totals.range.low, currency)} –{' '}
            {money(totals.range.high, currency)}
          </Typography>
        )}
      </Box>
      <Box>
        <Typography variant="overline">Change</Typography>
        <Typography
          variant="h5"
          style={{ color: costChangeColor(theme, totals.delta) }}
        >
          {signedMoney(totals.delta, currency)}
        </Typography>
        {totals.deltaRange.low !== totals.deltaRange.high && (
          <Typography variant="body2" color="textSecondary">
            {signedMoney(totals.deltaRange.low, currency)} to{' '}
            {signedMoney(totals.deltaRange.high, currency)}
          </Typography>
        )}
      </Box>
      <Box>
        <Typography variant="overline">Resources</Typography>
        <Typography variant="body1">
          {summary.create} to create, {summary.update} to update,{' '}
          {summary.replace} to replace, {summary.delete} to delete
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {summary.counts.priced} priced, {summary.counts.free} free,{' '}
          {summary.counts.unpriced} unpriced
        </Typography>
        <ApproximateSummary totals={totals} />
      </Box>
    </Box>
  );
}

function ResourceRow(props: {
  resource: ResourceCostEstimate;
  currency: string;
}) {
  const { resource: r, currency } = props;
  const [open, setOpen] = useState(false);
  const theme = useTheme();
  const components =
    r.after.components.length > 0 ? r.after.components : r.before.components;
  return (
    <Fragment>
      <TableRow hover>
        <TableCell padding="checkbox">
          {components.length > 0 && (
            <IconButton
              size="small"
              aria-label={`Components of ${r.address}`}
              onClick={() => setOpen(!open)}
            >
              {open ? <ExpandLess /> : <ExpandMore />}
            </IconButton>
          )}
        </TableCell>
        <TableCell>
          <Typography variant="body2" style={{ fontFamily: 'monospace' }}>
            {r.address}
          </Typography>
          <ApproximateResourceChip count={r.approximateComponents ?? 0} />
          {r.unpriced && (
            <Typography variant="caption" color="error">
              Not priced: {r.unpriced.reason}
            </Typography>
          )}
          {r.notes?.map(note => (
            <Typography
              key={note}
              variant="caption"
              color="textSecondary"
              display="block"
            >
              {note}
            </Typography>
          ))}
        </TableCell>
        <TableCell>
          <ResourceActionChip action={r.action} />
        </TableCell>
        <TableCell align="right">{money(r.before.monthly, currency)}</TableCell>
        <TableCell align="right">
          {money(r.after.monthly, currency)}
          {r.range && r.range.low !== r.range.high && (
            <Typography variant="caption" display="block" color="textSecondary">
              {money(r.range.low, currency)} – {money(r.range.high, currency)}
            </Typography>
          )}
        </TableCell>
        <TableCell
          align="right"
          style={{ color: costChangeColor(theme, r.delta) }}
        >
          {signedMoney(r.delta, currency)}
        </TableCell>
      </TableRow>
      {components.length > 0 && (
        <TableRow>
          <TableCell style={{ paddingBottom: 0, paddingTop: 0 }} colSpan={6}>
            <Collapse in={open} timeout="auto" unmountOnExit>
              <Table
                size="small"
                aria-label={`Cost components of ${r.address}`}
              >
                <TableHead>
                  <TableRow>
                    <TableCell>Component</TableCell>
                    <TableCell align="right">Quantity</TableCell>
                    <TableCell>Unit</TableCell>
                    <TableCell align="right">Unit price</TableCell>
                    <TableCell>Price source</TableCell>
                    <TableCell align="right">Monthly</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {components.map(c => (
                    <TableRow key={`${c.name}-${c.priceKey}`}>
                      <TableCell>
                        {c.name}
                        {c.rangeReason && (
                          <Typography
                            variant="caption"
                            display="block"
                            color="textSecondary"
                          >
                            {c.rangeReason}
                          </Typography>
                        )}
                      </TableCell>
                      <TableCell align="right">
                        {c.monthlyQuantity.toLocaleString('en-US')}
                      </TableCell>
                      <TableCell>{c.unit}</TableCell>
                      <TableCell align="right">{c.unitPrice}</TableCell>
                      <TableCell>
                        <PriceProvenanceLabel provenance={c.priceProvenance} />
                      </TableCell>
                      <TableCell align="right">
                        {money(c.monthlyCost, currency)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Collapse>
          </TableCell>
        </TableRow>
      )}
    </Fragment>
  );
}

/**
 * A cost estimate: current against proposed monthly cost, the change, and the
 * per-resource breakdown with each resource's cost components. The approvals
 * plugin shows it on every change request.
 */
export function EstimateBreakdown(props: {
  estimate: CostEstimate;
  showUnchanged?: boolean;
}) {
  const { estimate } = props;
  const rows = estimate.resources.filter(
    r => props.showUnchanged || (r.action !== 'no-op' && r.action !== 'read'),
  );
  rows.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  return (
    <Box>
      <Totals estimate={estimate} />
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="Resource changes and their cost">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>Resource</TableCell>
              <TableCell>Action</TableCell>
              <TableCell align="right">Current / month</TableCell>
              <TableCell align="right">Proposed / month</TableCell>
              <TableCell align="right">Change</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(resource => (
              <ResourceRow
                key={resource.address}
                resource={resource}
                currency={estimate.currency}
              />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {estimate.infraPlan && (
        <InfraPlanDetails
          details={estimate.infraPlan}
          currency={estimate.currency}
        />
      )}
      <Typography
        variant="caption"
        color="textSecondary"
        display="block"
        style={{ marginTop: 8 }}
      >
        {estimate.currency} on-demand prices ({estimate.pricingVersion},
        effective {estimate.pricingEffectiveDate}), {estimate.hoursPerMonth}{' '}
        hours a month, region {estimate.region}.
        {estimate.warnings.map(w => ` ${w}`).join('')}
      </Typography>
    </Box>
  );
}
