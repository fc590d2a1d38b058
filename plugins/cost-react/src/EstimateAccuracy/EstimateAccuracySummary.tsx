import type {
  EstimateAccuracy,
  EstimateError,
  SpendWindow,
} from '@gatehouse/plugin-cost-common';
import { Box, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { money, signedMoney } from '@gatehouse/plugin-cost-common';

/** "12% high", "3% low", or the amount when actual spend was zero. */
export function describeError(error: EstimateError, currency: string): string {
  if (error.percent === null) {
    return `${signedMoney(error.difference, currency)} (no actual spend)`;
  }
  if (Math.abs(error.percent) < 0.5) return 'on target';
  return `${Math.round(Math.abs(error.percent))}% ${
    error.percent > 0 ? 'high' : 'low'
  } (${signedMoney(error.difference, currency)})`;
}

function windowText(window: SpendWindow, currency: string) {
  return `${money(window.monthlyRunRate, currency)} a month (${money(
    window.total,
    currency,
  )} over ${window.days} day${window.days === 1 ? '' : 's'}, ${
    window.from
  } to ${window.to})`;
}

function Figure(props: { label: string; value: string; detail?: string }) {
  return (
    <Box>
      <Typography variant="overline">{props.label}</Typography>
      <Typography variant="h6" aria-label={props.label}>
        {props.value}
      </Typography>
      {props.detail && (
        <Typography variant="body2" color="textSecondary">
          {props.detail}
        </Typography>
      )}
    </Box>
  );
}

/**
 * An approved estimate against the spend that followed: the proposed
 * monthly cost against the run rate since approval, the estimated change
 * against the actual change, or, before enough billing data, when it settles.
 */
export function EstimateAccuracySummary(props: { accuracy: EstimateAccuracy }) {
  const { accuracy: a } = props;
  const { currency } = a;
  if (a.status === 'settling') {
    const soFar = a.after
      ? `So far: ${windowText(a.after, currency)}.`
      : `No billing data after the approval day yet${
          a.dataUpTo ? ` (billing data up to ${a.dataUpTo})` : ''
        }.`;
    return (
      <Alert severity="info" aria-label="Estimate accuracy">
        Not enough data yet — settles on {a.settlesOn}, after{' '}
        {a.settleAfterDays} days of billing data following the approval on{' '}
        {a.approvedOn}. {soFar}
      </Alert>
    );
  }
  return (
    <Box aria-label="Estimate accuracy">
      <Box display="flex" flexWrap="wrap" style={{ gap: 32 }}>
        <Figure
          label="Estimated monthly"
          value={money(a.estimate.monthly, currency)}
        />
        <Figure
          label="Actual monthly"
          value={money(a.actual!.monthly, currency)}
          detail={`run rate after approval: ${windowText(a.after!, currency)}`}
        />
        <Figure
          label="Estimate error"
          value={describeError(a.error!.monthly, currency)}
        />
      </Box>
      {a.estimate.delta !== null && (
        <Box display="flex" flexWrap="wrap" style={{ gap: 32 }} mt={2}>
          <Figure
            label="Estimated change"
            value={signedMoney(a.estimate.delta, currency)}
          />
          <Figure
            label="Actual change"
            value={
              a.actual!.delta === null
                ? 'unknown'
                : signedMoney(a.actual!.delta, currency)
            }
            detail={
              a.before
                ? `before approval: ${windowText(a.before, currency)}`
                : 'no billing data before the approval'
            }
          />
          {a.error!.delta && (
            <Figure
              label="Change error"
              value={describeError(a.error!.delta, currency)}
            />
          )}
        </Box>
      )}
      <Typography
        variant="caption"
        color="textSecondary"
        display="block"
        style={{ marginTop: 8 }}
      >
        Effective spend tagged service={a.service}, environment=
        {a.environment}; the approval day ({a.approvedOn}) is left out of both
        windows. Run rates are daily averages over a 730-hour month.
      </Typography>
    </Box>
  );
}
