/**
 * The Argo Rollouts AnalysisTemplate a canary is checked against: the
 * plan's success rate and p95 latency, measured in Prometheus on the canary
 * pods only (selected by their pod-template hash).
 */
import type { Workload } from '@gatehouse/plugin-infra-plans-common';
import { parseDuration } from '@gatehouse/plugin-infra-plans-common';
import type { RenderContext } from '../context';
import {
  errorRatio,
  latencyQuantile,
  podSelector,
  promNumber,
} from '../metrics';
import { KubeObject, objectMeta } from './meta';

/** Where the analysis queries Prometheus; an argument, so a cluster can point elsewhere. */
export const DEFAULT_PROMETHEUS_ADDRESS =
  'http://prometheus-operated.monitoring.svc.cluster.local:9090';

export function hasCanaryAnalysis(ctx: RenderContext): boolean {
  const analysis = ctx.env.delivery?.canary?.analysis;
  return (
    ctx.env.delivery?.strategy === 'canary' &&
    !!analysis &&
    (analysis.successRate !== undefined || analysis.maxLatencyP95 !== undefined)
  );
}

export function analysisTemplateName(workload: Workload): string {
  return `${workload.name}-canary`;
}

export function analysisTemplate(
  ctx: RenderContext,
  workload: Workload,
): KubeObject {
  const analysis = ctx.env.delivery!.canary!.analysis!;
  const interval = analysis.interval ?? '1m';
  const selector = podSelector(
    ctx.namespace,
    workload.name,
    '{{args.canary-hash}}',
  );
  const provider = (query: string) => ({
    prometheus: { address: '{{args.prometheus-address}}', query },
  });
  const metrics: Record<string, unknown>[] = [];
  if (analysis.successRate !== undefined) {
    metrics.push({
      name: 'success-rate',
      interval,
      failureLimit: 1,
      // No traffic yet (NaN) counts as success.
      successCondition: `isNaN(result[0]) || result[0] >= ${promNumber(
        analysis.successRate / 100,
      )}`,
      provider: provider(`1 - (${errorRatio(selector, '2m')})`),
    });
  }
  if (analysis.maxLatencyP95 !== undefined) {
    metrics.push({
      name: 'latency-p95',
      interval,
      failureLimit: 1,
      successCondition: `isNaN(result[0]) || result[0] <= ${promNumber(
        parseDuration(analysis.maxLatencyP95) ?? 0,
      )}`,
      provider: provider(latencyQuantile(0.95, selector, '2m')),
    });
  }
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: objectMeta(ctx, analysisTemplateName(workload), workload),
    spec: {
      args: [
        { name: 'canary-hash' },
        { name: 'prometheus-address', value: DEFAULT_PROMETHEUS_ADDRESS },
      ],
      metrics,
    },
  };
}
