/** The queues' parts of the generated documents. */
import type { DeploymentDataStore } from '../../documents/deploymentArchitecturePlan';
import { table } from '../../documents/markdown';
import type { EnvironmentPlan } from '../../schema';
import {
  UNSET_STORE_FIELDS,
  dataStoreUsers,
  encryptedAtRest,
} from '../dataStores/document';

/** `Infrastructure_Requirements.md`: the queues table, or nothing without queues. */
export function queuesRequirements(env: EnvironmentPlan): string {
  const queues = env.data?.queues ?? [];
  if (!queues.length) return '';
  return [
    '#### Queues\n\n',
    table(
      ['Queue', 'Type', 'Visibility timeout', 'Retention', 'Dead-letter after'],
      queues.map(qu => [
        qu.name,
        qu.fifo ? 'SQS FIFO' : 'SQS standard',
        qu.visibilityTimeout,
        qu.retention,
        qu.deadLetter ? `${qu.deadLetter.maxReceives} receives` : 'no DLQ',
      ]),
    ),
  ].join('');
}

/** `Deployment_Architecture_Plan.json`: the queues among the `dataStores`. */
export function queueDeploymentStores(
  env: EnvironmentPlan,
): DeploymentDataStore[] {
  const atRest = encryptedAtRest(env);
  return (env.data?.queues ?? []).map(q => ({
    ...UNSET_STORE_FIELDS,
    kind: 'queue' as const,
    name: q.name,
    terraformResource: 'aws_sqs_queue',
    engine: q.fifo ? 'sqs-fifo' : 'sqs',
    backupRetention: q.retention ?? null,
    encrypted: atRest,
    usedBy: dataStoreUsers(env, q.name),
  }));
}

/** `Scalability_Architecture_Design.md`: how each queue is consumed (rows of the data tier table). */
export function queueScalingRows(env: EnvironmentPlan): unknown[][] {
  return (env.data?.queues ?? []).map(q => {
    const consumers = env.workloads.filter(
      w => w.autoscaling?.targets.queue?.name === q.name,
    );
    return [
      `queue ${q.name}`,
      q.fifo ? 'SQS FIFO' : 'SQS standard',
      consumers.length
        ? consumers
            .map(
              w =>
                `${w.name} scales ${w.autoscaling!.minReplicas}–${
                  w.autoscaling!.maxReplicas
                } at ${
                  w.autoscaling!.targets.queue!.messagesPerReplica
                } messages per replica`,
            )
            .join('; ')
        : 'no queue-driven consumer',
      q.deadLetter
        ? `dead-letter after ${q.deadLetter.maxReceives} receives`
        : '',
    ];
  });
}
