import { P, RuleCase } from '../../__fixtures__/ruleCases';

/** The SLO rules, each broken on the full fixture plan's production environment (and its nearest valid variant). */
export const slosRuleCases: RuleCase[] = [
  {
    rule: 'slo-ranges',
    name: 'a 100% availability objective',
    fail: env => (env.slos!.availability = 100),
    path: `${P}.slos.availability`,
    pass: env => (env.slos!.availability = 99.99),
  },
  {
    rule: 'slo-ranges',
    name: 'p99 faster than p95',
    fail: env => (env.slos!.latencyP99 = '100ms'),
    path: `${P}.slos.latencyP99`,
    pass: env => (env.slos!.latencyP99 = '300ms'),
  },
];
