/**
 * Queues (`data.queues`): SQS queues (`aws_sqs_queue`).
 */
import { z } from 'zod';
import { dnsName, duration } from '../shared/schemaPrimitives';

/** @public */
export const queueSchema = z
  .object({
    name: dnsName,
    type: z.literal('sqs'),
    fifo: z.boolean().optional(),
    visibilityTimeout: duration.optional(),
    retention: duration.optional(),
    deadLetter: z
      .object({ maxReceives: z.number().int().min(1).max(1000) })
      .strict()
      .optional(),
  })
  .strict();

/** @public */
export type Queue = z.infer<typeof queueSchema>;
