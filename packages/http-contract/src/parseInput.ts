import { InputError } from '@backstage/errors';
import type { ZodTypeAny, z } from 'zod';

/**
 * Validates a request part against its contract schema. A bad request becomes
 * an InputError (a 400) that names every field that is wrong and why.
 */
export function parseInput<S extends ZodTypeAny>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues
      .map(issue => `${issue.path.join('.') || what}: ${issue.message}`)
      .join('; ');
    throw new InputError(`Invalid ${what}: ${problems}`);
  }
  return result.data;
}
