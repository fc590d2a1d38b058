import { InfoCard } from '@backstage/core-components';
import type { Risk } from '@gatehouse/plugin-approvals-common';
import { Box, Typography } from '@material-ui/core';
import { RiskChip } from '../shared/Chips';

/** What could go wrong, as the backend assessed it. */
export function RiskCard(props: { risk: Risk }) {
  const { risk } = props;
  return (
    <InfoCard title="Risk">
      <Box mb={1}>
        <RiskChip level={risk.level} />
      </Box>
      {risk.reasons.length > 0 ? (
        <ul aria-label="Risk reasons" style={{ margin: 0, paddingLeft: 20 }}>
          {risk.reasons.map(reason => (
            <li key={reason}>
              <Typography variant="body2">{reason}</Typography>
            </li>
          ))}
        </ul>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No risk factors were found.
        </Typography>
      )}
    </InfoCard>
  );
}
