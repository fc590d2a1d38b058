/** Queue rules: retention and visibility timeout within the SQS limits. */
import { parseDuration } from '../../units';
import type { EnvContext } from '../shared/ruleContext';

const DAY = 86400;

/** Every queue rule of one environment. */
export function checkQueues(ctx: EnvContext): void {
  const data = ctx.env.data;
  if (!data) return;
  const sink = ctx.sink.at('data');

  (data.queues ?? []).forEach((queue, index) => {
    const at = (...s: (string | number)[]) => ['queues', index, ...s];
    if (queue.retention) {
      const seconds = parseDuration(queue.retention) ?? 0;
      if (seconds < 60 || seconds > 14 * DAY) {
        sink.error(
          'queue-limits',
          at('retention'),
          `queue ${queue.name}: retention ${queue.retention} is outside the SQS range 60s–14d`,
          'retain messages between 60s and 14d',
        );
      }
    }
    if (
      queue.visibilityTimeout &&
      (parseDuration(queue.visibilityTimeout) ?? 0) > 12 * 3600
    ) {
      sink.error(
        'queue-limits',
        at('visibilityTimeout'),
        `queue ${queue.name}: visibility timeout ${queue.visibilityTimeout} exceeds the SQS maximum of 12h`,
        'keep the visibility timeout ≤ 12h, and longer than the slowest job',
      );
    }
  });
}
