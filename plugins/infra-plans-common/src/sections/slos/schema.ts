/**
 * The `slos` section: the service level objectives the environment is
 * sized for.
 */
import { z } from 'zod';
import { duration } from '../shared/schemaPrimitives';

/** @public */
export const slosSchema = z
  .object({
    /** Availability target in percent, e.g. 99.9. */
    availability: z.number(),
    latencyP95: duration,
    latencyP99: duration.optional(),
    throughputRps: z.number().positive().optional(),
    /** Error-rate target in percent. */
    errorRate: z.number().optional(),
    window: duration.optional(),
  })
  .strict();

/** @public */
export type SlosPlan = z.infer<typeof slosSchema>;
