import { P, RuleCase } from '../../__fixtures__/ruleCases';

/** The cache rules, each broken on the full fixture plan's production environment (and its nearest valid variant). */
export const cachesRuleCases: RuleCase[] = [
  {
    rule: 'cache-replication',
    name: 'a multi-AZ cache without replicas',
    fail: env => (env.data!.caches![0].replicasPerShard = 0),
    path: `${P}.data.caches[0].multiAz`,
  },
];
