/**
 * queues.tf: per queue an aws_sqs_queue (FIFO, visibility timeout,
 * retention, encryption) and, with a dead-letter setting, its dead-letter
 * queue and redrive policy.
 */
import type { Queue } from '@gatehouse/plugin-infra-plans-common';
import { awsName, type RenderContext } from '../context';
import {
  BodyInput,
  attr,
  block,
  call,
  identifier,
  object,
  ref,
  renderHclFile,
} from '../hcl/hcl';
import { kmsKeyArn, seconds } from './common';

/** SQS keeps messages at most 14 days. */
const MAX_RETENTION = 1_209_600;

/** The queue's name, with `.fifo` for FIFO queues as SQS requires. */
export function queueName(
  ctx: RenderContext,
  queue: Queue,
  suffix = '',
): string {
  const base = awsName(ctx, `${queue.name}${suffix}`, queue.fifo ? 75 : 80);
  return queue.fifo ? `${base}.fifo` : base;
}

function encryption(ctx: RenderContext): BodyInput {
  const key = kmsKeyArn(ctx);
  return key
    ? attr('kms_master_key_id', key)
    : attr('sqs_managed_sse_enabled', true);
}

function queueResources(ctx: RenderContext, queue: Queue): BodyInput[] {
  const name = identifier(queue.name);
  const dlq = queue.deadLetter ? `${name}_dlq` : undefined;
  return [
    dlq &&
      block(
        'resource',
        ['aws_sqs_queue', dlq],
        attr('name', queueName(ctx, queue, '-dlq')),
        queue.fifo && attr('fifo_queue', true),
        // Keep failed messages as long as SQS allows, to inspect and redrive them.
        attr('message_retention_seconds', MAX_RETENTION),
        encryption(ctx),
      ),
    block(
      'resource',
      ['aws_sqs_queue', name],
      attr('name', queueName(ctx, queue)),
      queue.fifo && attr('fifo_queue', true),
      attr('visibility_timeout_seconds', seconds(queue.visibilityTimeout)),
      attr(
        'message_retention_seconds',
        seconds(queue.retention) === undefined
          ? undefined
          : Math.min(MAX_RETENTION, seconds(queue.retention)!),
      ),
      encryption(ctx),
      dlq &&
        attr(
          'redrive_policy',
          call(
            'jsonencode',
            object({
              deadLetterTargetArn: ref(`aws_sqs_queue.${dlq}.arn`),
              maxReceiveCount: queue.deadLetter!.maxReceives,
            }),
          ),
        ),
    ),
  ];
}

export function renderQueues(ctx: RenderContext): string {
  return renderHclFile(
    (ctx.env.data?.queues ?? []).map(queue => queueResources(ctx, queue)),
    { header: ctx.header },
  );
}
