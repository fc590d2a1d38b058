/**
 * Delivery rules: a rollback procedure, settings that match the strategy,
 * canary steps that increase, and a rolling update that can progress.
 */
import type { EnvContext } from '../shared/ruleContext';
import { requireForTier } from '../shared/ruleHelpers';

/** Every delivery rule of one environment. */
export function checkDelivery(ctx: EnvContext): void {
  const delivery = ctx.env.delivery;
  if (!delivery || !delivery.rollback) {
    requireForTier(
      ctx,
      'delivery',
      delivery ? ['delivery', 'rollback'] : ['delivery'],
      delivery
        ? 'the delivery section has no rollback procedure'
        : 'no delivery section',
      'add delivery: { strategy: rolling, rollback: { automatic: true, procedure: "…" } }',
    );
  }
  if (!delivery) return;
  const sink = ctx.sink.at('delivery');
  const configs = {
    rolling: 'rolling',
    'blue-green': 'blueGreen',
    canary: 'canary',
  } as const;
  for (const [strategy, key] of Object.entries(configs)) {
    if (delivery[key] && delivery.strategy !== strategy) {
      sink.warning(
        'delivery-config',
        [key],
        `${key} settings are ignored: the strategy is ${delivery.strategy}`,
        `remove ${key} or set strategy: ${strategy}`,
      );
    }
  }
  if (delivery.strategy === 'canary') {
    if (!delivery.canary) {
      sink.error(
        'delivery-config',
        ['strategy'],
        'a canary strategy needs canary.steps',
        'add canary: { steps: [{ weight: 10, pause: 5m }, { weight: 50, pause: 10m }] }',
      );
    } else {
      let previous = 0;
      delivery.canary.steps.forEach((step, index) => {
        if (step.weight < 1 || step.weight > 100) {
          sink.error(
            'canary-steps',
            ['canary', 'steps', index, 'weight'],
            `canary weight ${step.weight} is outside 1–100`,
            'weights are the percentage of traffic sent to the new version',
          );
        } else if (step.weight <= previous) {
          sink.error(
            'canary-steps',
            ['canary', 'steps', index, 'weight'],
            `canary weight ${step.weight} does not increase (previous step: ${previous})`,
            'list steps with strictly increasing weights, e.g. 10, 25, 50',
          );
        }
        previous = Math.max(previous, step.weight);
      });
    }
  }
  if (
    delivery.rolling &&
    delivery.rolling.maxSurge === 0 &&
    delivery.rolling.maxUnavailable === 0
  ) {
    sink.error(
      'delivery-config',
      ['rolling'],
      'maxSurge and maxUnavailable are both 0, so a rollout can never progress',
      'use maxSurge: 1 and maxUnavailable: 0 for zero-downtime rollouts',
    );
  }
}
