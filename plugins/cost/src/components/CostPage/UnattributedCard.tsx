import { InfoCard, Progress } from '@backstage/core-components';
import type { SpendTotals } from '@gatehouse/plugin-cost-common';
import { Box, LinearProgress, Typography } from '@material-ui/core';
import { money } from '@gatehouse/plugin-cost-react';

/**
 * Spend no service, team or environment tag claims. It is shown, never
 * dropped: a growing share means resources are being created without tags.
 */
export function UnattributedCard(props: { totals?: SpendTotals }) {
  if (!props.totals) {
    return (
      <InfoCard title="Unattributed spend">
        <Progress />
      </InfoCard>
    );
  }
  const { total, unattributed, groupBy } = props.totals;
  const share = total > 0 ? (unattributed / total) * 100 : 0;
  return (
    <InfoCard
      title="Unattributed spend"
      subheader={`Spend without a ${groupBy} tag`}
    >
      <Typography variant="h4">{money(unattributed)}</Typography>
      <Typography color="textSecondary" gutterBottom>
        {share.toFixed(1)}% of {money(total)} in the period
      </Typography>
      <Box mt={2}>
        <LinearProgress
          variant="determinate"
          value={Math.min(100, share)}
          aria-label="Unattributed share"
        />
      </Box>
      <Typography
        variant="body2"
        color="textSecondary"
        style={{ marginTop: 16 }}
      >
        Tag resources with service, team and environment (the tag keys are set
        in gatehouse.cost.attribution) so their spend reaches the right owners.
      </Typography>
    </InfoCard>
  );
}
