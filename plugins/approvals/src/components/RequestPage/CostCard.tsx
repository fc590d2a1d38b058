import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import type { RequestRevision } from '@gatehouse/plugin-approvals-common';
import { EstimateBreakdown } from '@gatehouse/plugin-cost-react';
import { Box, Typography } from '@material-ui/core';
import { costEstimateRouteRef } from '../../routes';

/** What the change costs: current against proposed, per resource. */
export function CostCard(props: { revision: RequestRevision }) {
  const { estimate, estimateId } = props.revision;
  const estimateLink = useRouteRef(costEstimateRouteRef);
  return (
    <InfoCard title="Cost">
      {estimate ? (
        <EstimateBreakdown estimate={estimate} />
      ) : (
        <Typography color="textSecondary">
          No cost estimate for this revision: either it has no Terraform plan,
          or the plan could not be priced. Judge the cost from the resource
          changes and files.
        </Typography>
      )}
      {estimateId && estimateLink && (
        <Box mt={1}>
          <Link to={estimateLink({ id: estimateId })}>
            Open this estimate in Cost
          </Link>
        </Box>
      )}
    </InfoCard>
  );
}
