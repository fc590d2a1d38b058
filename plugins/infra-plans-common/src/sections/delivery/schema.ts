/**
 * The `delivery` section: how a release rolls out (rolling update,
 * blue-green or canary with Argo Rollouts), how it is rolled back and who
 * approves it.
 */
import { z } from 'zod';
import { duration, intOrPercent, percent } from '../shared/schemaPrimitives';

/** @public */
export const deliverySchema = z
  .object({
    strategy: z.enum(['rolling', 'blue-green', 'canary']),
    rolling: z
      .object({ maxSurge: intOrPercent, maxUnavailable: intOrPercent })
      .strict()
      .optional(),
    blueGreen: z
      .object({
        autoPromote: z.boolean().optional(),
        scaleDownDelay: duration.optional(),
        previewReplicas: z.number().int().min(1).optional(),
      })
      .strict()
      .optional(),
    canary: z
      .object({
        steps: z
          .array(
            z
              .object({ weight: z.number().int(), pause: duration.optional() })
              .strict(),
          )
          .min(1),
        analysis: z
          .object({
            successRate: percent.optional(),
            maxLatencyP95: duration.optional(),
            interval: duration.optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    rollback: z
      .object({
        automatic: z.boolean().optional(),
        procedure: z.string().min(1),
        triggers: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    approvals: z
      .object({
        required: z.boolean(),
        approvers: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** @public */
export type DeliveryPlan = z.infer<typeof deliverySchema>;
/** @public */
export type DeliveryStrategy = DeliveryPlan['strategy'];
