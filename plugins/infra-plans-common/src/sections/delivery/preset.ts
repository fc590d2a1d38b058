/**
 * The delivery of a preset environment for a strategy: the strategy's
 * settings, a rollback procedure with its triggers (automatic for Argo
 * Rollouts strategies) and, in production, required approvals.
 */
import type { PresetContext } from '../shared/presetContext';
import type { DeliveryPlan, DeliveryStrategy } from './schema';

const ROLLBACK_PROCEDURES: Record<DeliveryStrategy, string> = {
  rolling:
    'kubectl rollout undo deployment/<workload> (or redeploy the previous image tag), then confirm the error rate is back under the SLO',
  'blue-green':
    'switch the active service back to the previous (blue) ReplicaSet with kubectl argo rollouts undo; the old version keeps running until scaleDownDelay',
  canary:
    'abort the rollout (kubectl argo rollouts abort) to send all traffic back to the stable version; automatic on failed analysis',
};

export function presetDelivery(ctx: PresetContext): DeliveryPlan {
  const { delivery: strategy, tier } = ctx;
  const rollback = {
    automatic: strategy !== 'rolling',
    procedure: ROLLBACK_PROCEDURES[strategy],
    triggers: [
      'error rate above the SLO for 5 minutes',
      'p95 latency above the SLO for 10 minutes',
    ],
  };
  const approvals =
    tier === 'production' ? { approvals: { required: true } } : {};
  switch (strategy) {
    case 'blue-green':
      return {
        strategy,
        blueGreen: {
          autoPromote: tier !== 'production',
          scaleDownDelay: '10m',
        },
        rollback,
        ...approvals,
      };
    case 'canary':
      return {
        strategy,
        canary: {
          steps: [
            { weight: 10, pause: '5m' },
            { weight: 25, pause: '10m' },
            { weight: 50, pause: '10m' },
          ],
          analysis: { successRate: 99, maxLatencyP95: '300ms', interval: '1m' },
        },
        rollback,
        ...approvals,
      };
    default:
      return {
        strategy: 'rolling',
        rolling: { maxSurge: 1, maxUnavailable: 0 },
        rollback,
        ...approvals,
      };
  }
}
