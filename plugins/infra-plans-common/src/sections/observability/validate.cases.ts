import { P, RuleCase } from '../../__fixtures__/ruleCases';

/** The observability rules, each broken on the full fixture plan's production environment (and its nearest valid variant). */
export const observabilityRuleCases: RuleCase[] = [
  {
    rule: 'alert-threshold',
    name: 'a CPU alert above 100%',
    fail: env => (env.observability!.alerts![2].threshold = 150),
    path: `${P}.observability.alerts[2].threshold`,
    pass: env => (env.observability!.alerts![2].threshold = '90%'),
  },
  {
    rule: 'alert-threshold',
    name: 'a latency alert without a unit',
    fail: env => (env.observability!.alerts![1].threshold = 300),
    path: `${P}.observability.alerts[1].threshold`,
  },
  {
    rule: 'alert-vs-slo',
    name: 'a latency alert looser than the SLO',
    fail: env => (env.observability!.alerts![1].threshold = '1s'),
    path: `${P}.observability.alerts[1].threshold`,
    severity: 'warning',
    pass: env => (env.observability!.alerts![1].threshold = '250ms'),
  },
];
