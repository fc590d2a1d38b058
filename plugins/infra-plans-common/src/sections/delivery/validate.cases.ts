import { P, RuleCase } from '../../__fixtures__/ruleCases';

/** The delivery rules, each broken on the full fixture plan's production environment (and its nearest valid variant). */
export const deliveryRuleCases: RuleCase[] = [
  {
    rule: 'canary-steps',
    name: 'decreasing canary weights',
    fail: env =>
      (env.delivery!.canary!.steps = [{ weight: 20 }, { weight: 10 }]),
    path: `${P}.delivery.canary.steps[1].weight`,
    pass: env =>
      (env.delivery!.canary!.steps = [{ weight: 10 }, { weight: 20 }]),
  },
  {
    rule: 'delivery-config',
    name: 'a canary without steps',
    fail: env => delete env.delivery!.canary,
    path: `${P}.delivery.strategy`,
  },
  {
    rule: 'delivery-config',
    name: 'a rolling update that cannot progress',
    fail: env =>
      (env.delivery = {
        strategy: 'rolling',
        rolling: { maxSurge: 0, maxUnavailable: 0 },
        rollback: env.delivery!.rollback,
      }),
    path: `${P}.delivery.rolling`,
    pass: env =>
      (env.delivery = {
        strategy: 'rolling',
        rolling: { maxSurge: 1, maxUnavailable: 0 },
        rollback: env.delivery!.rollback,
      }),
  },
];
