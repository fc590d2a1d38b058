import { P, RuleCase } from '../../__fixtures__/ruleCases';

/** The queue rules, each broken on the full fixture plan's production environment (and its nearest valid variant). */
export const queuesRuleCases: RuleCase[] = [
  {
    rule: 'queue-limits',
    name: 'SQS retention above 14 days',
    fail: env =>
      (env.data!.queues = [{ name: 'jobs', type: 'sqs', retention: '20d' }]),
    path: `${P}.data.queues[0].retention`,
    pass: env =>
      (env.data!.queues = [{ name: 'jobs', type: 'sqs', retention: '14d' }]),
  },
];
