import { InfoCard } from '@backstage/core-components';
import { useApiHolder } from '@backstage/frontend-plugin-api';
import type { ChangeRequest } from '@gatehouse/plugin-approvals-common';
import {
  EstimateAccuracyPanel,
  accuracyStart,
  costApiRef,
  isApproved,
} from '@gatehouse/plugin-cost-react';
import { Grid, Typography } from '@material-ui/core';

/**
 * For an approved request: its estimate against what the environment then
 * cost (from the cost plugin's billing data), once enough days have passed.
 * Renders nothing for requests that are not approved.
 */
export function EstimateVsActualCard(props: { request: ChangeRequest }) {
  const { request } = props;
  // The approvals plugin works without the cost plugin; ask, do not require.
  const costApi = useApiHolder().get(costApiRef);
  if (!isApproved(request)) return null;
  const estimate = request.current.estimate;
  const start = accuracyStart(request);
  let content: JSX.Element;
  if (!estimate || !start) {
    content = (
      <Typography color="textSecondary">
        This change had no cost estimate, so there is nothing to compare with
        its actual spend.
      </Typography>
    );
  } else if (!costApi) {
    content = (
      <Typography color="textSecondary">
        The cost plugin is not installed: actual spend is unknown here.
      </Typography>
    );
  } else {
    content = (
      <EstimateAccuracyPanel
        entityRef={request.entityRef}
        environment={request.environment}
        approvedAt={start.at}
        estimatedMonthly={estimate.totals.monthlyAfter}
        estimatedDelta={estimate.totals.delta}
      />
    );
  }
  return (
    <Grid item xs={12}>
      <InfoCard
        title="Estimate vs actual"
        subheader={
          start?.basis === 'applied'
            ? "The approved estimate against the environment's spend since the pipeline reported it applied"
            : "The approved estimate against the environment's spend since approval (no apply reported yet)"
        }
      >
        {content}
      </InfoCard>
    </Grid>
  );
}
