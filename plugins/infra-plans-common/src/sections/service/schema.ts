/**
 * The plan's `metadata`: which catalog Component the plan belongs to and who
 * owns it. Where it runs (`spec.provider`, `spec.regions`) is composed with
 * the environments in `schema.ts`.
 */
import { z } from 'zod';

export const serviceMetadataSchema = z
  .object({
    /** Name of the catalog Component the plan belongs to. */
    service: z
      .string()
      .max(63)
      .regex(
        /^[a-zA-Z0-9]([-_.]?[a-zA-Z0-9])*$/,
        'must be a catalog entity name: letters, digits and single - _ . between them',
      ),
    /** Owning group, as a name (`team-agents`) or entity ref (`group:default/team-agents`). */
    owner: z.string().min(1),
    system: z.string().min(1).optional(),
    revision: z.number().int().positive().optional(),
    description: z.string().optional(),
  })
  .strict();
