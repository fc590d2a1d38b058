/** The delivery's parts of the generated documents. */
import type { DeploymentEnvironment } from '../../documents/deploymentArchitecturePlan';
import { facts, yesNo } from '../../documents/markdown';
import type { EnvironmentPlan } from '../../schema';

/** `Infrastructure_Requirements.md`: the rollout strategy, rollback and approvals. */
export function deliveryRequirements(env: EnvironmentPlan): string {
  const del = env.delivery;
  return [
    '### Delivery\n\n',
    del
      ? facts([
          ['Strategy', del.strategy],
          [
            'Rolling update',
            del.rolling &&
              `maxSurge ${del.rolling.maxSurge}, maxUnavailable ${del.rolling.maxUnavailable}`,
          ],
          [
            'Blue-green',
            del.blueGreen &&
              `auto-promote ${yesNo(
                del.blueGreen.autoPromote,
              )}, scale-down delay ${
                del.blueGreen.scaleDownDelay ?? 'default'
              }`,
          ],
          [
            'Canary steps',
            del.canary?.steps
              .map(s => `${s.weight}%${s.pause ? ` (pause ${s.pause})` : ''}`)
              .join(' → '),
          ],
          [
            'Canary analysis',
            del.canary?.analysis &&
              [
                del.canary.analysis.successRate !== undefined
                  ? `success rate ≥ ${del.canary.analysis.successRate}%`
                  : '',
                del.canary.analysis.maxLatencyP95
                  ? `p95 ≤ ${del.canary.analysis.maxLatencyP95}`
                  : '',
              ]
                .filter(Boolean)
                .join(', '),
          ],
          [
            'Rollback',
            del.rollback &&
              `${del.rollback.automatic ? 'automatic; ' : ''}${
                del.rollback.procedure
              }`,
          ],
          ['Rollback triggers', del.rollback?.triggers?.join('; ')],
          [
            'Approvals',
            del.approvals &&
              (del.approvals.required
                ? `required${
                    del.approvals.approvers
                      ? ` (${del.approvals.approvers.join(', ')})`
                      : ''
                  }`
                : 'not required'),
          ],
        ])
      : '_Not specified._\n',
  ].join('');
}

/** `Deployment_Architecture_Plan.json`: the environment's `delivery`. */
export function deliveryDeployment(
  env: EnvironmentPlan,
): DeploymentEnvironment['delivery'] {
  const del = env.delivery;
  if (!del) return null;
  return {
    strategy: del.strategy,
    controller:
      del.strategy === 'rolling' ? 'kubernetes-deployment' : 'argo-rollouts',
    rollingUpdate:
      del.strategy === 'rolling'
        ? del.rolling ?? { maxSurge: '25%', maxUnavailable: '25%' }
        : null,
    blueGreen:
      del.strategy === 'blue-green'
        ? {
            autoPromote: del.blueGreen?.autoPromote ?? false,
            scaleDownDelay: del.blueGreen?.scaleDownDelay ?? null,
          }
        : null,
    canarySteps:
      del.strategy === 'canary'
        ? (del.canary?.steps ?? []).map(s => ({
            weight: s.weight,
            pause: s.pause ?? null,
          }))
        : null,
    rollback: del.rollback
      ? {
          automatic: del.rollback.automatic ?? false,
          procedure: del.rollback.procedure,
          triggers: del.rollback.triggers ?? [],
        }
      : null,
    approvalsRequired: del.approvals?.required ?? false,
  };
}
