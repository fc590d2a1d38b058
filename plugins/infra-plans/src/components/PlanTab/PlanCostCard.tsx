import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { costApiRef, EstimateBreakdown } from '@gatehouse/plugin-cost-react';
import { Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';

/**
 * The cost plugin's estimate of one environment of the plan: against the
 * previous plan text when one is given (current vs proposed), else from zero.
 */
export function PlanCostCard(props: {
  yaml: string;
  environment: string;
  priorYaml?: string;
  entityRef?: string;
}) {
  const costApi = useApi(costApiRef);
  const { value, loading, error } = useAsync(
    () =>
      costApi.estimateInfraPlan({
        plan: props.yaml,
        environment: props.environment,
        priorPlan: props.priorYaml,
        entityRef: props.entityRef,
        save: false,
      }),
    [props.yaml, props.environment, props.priorYaml],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return <Typography>No estimate.</Typography>;
  return <EstimateBreakdown estimate={value.result} />;
}
