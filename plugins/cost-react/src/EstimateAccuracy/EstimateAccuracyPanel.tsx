import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '../api';
import { EstimateAccuracySummary } from './EstimateAccuracySummary';

/** What to compare: an approved estimate of one environment of a service. */
export type EstimateAccuracyPanelProps = {
  entityRef: string;
  environment: string;
  /** When the change was approved (ISO timestamp). */
  approvedAt: string;
  estimatedMonthly: number;
  estimatedDelta?: number;
};

/**
 * Asks the cost backend how an approved estimate compares with actual spend
 * and shows the answer. The approvals plugin shows it on approved requests.
 */
export function EstimateAccuracyPanel(props: EstimateAccuracyPanelProps) {
  const api = useApi(costApiRef);
  const { entityRef, environment, approvedAt } = props;
  const { estimatedMonthly, estimatedDelta } = props;
  const { value, loading, error } = useAsync(
    () =>
      api.accuracy({
        entityRef,
        environment,
        since: approvedAt,
        estimatedMonthly,
        estimatedDelta,
      }),
    [api, entityRef, environment, approvedAt, estimatedMonthly, estimatedDelta],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return value ? <EstimateAccuracySummary accuracy={value} /> : null;
}
