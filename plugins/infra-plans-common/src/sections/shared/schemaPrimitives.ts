/**
 * Field types every section schema uses: names, durations, Kubernetes
 * quantities, ports, versions and maintenance windows. Each one explains
 * itself in its error message, with a hint the validator passes on.
 */
import { z } from 'zod';
import {
  explainMemory,
  isDuration,
  parseCpu,
  parsePortRange,
} from '../../units';

/** A custom zod issue's message with the hint the validator shows next to it. */
export function hinted(message: string, hint: string) {
  return { message, params: { hint } };
}

export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A Kubernetes/DNS-1123 label: lower case, digits and dashes, ≤ 63 chars. */
export const dnsName = z
  .string()
  .max(63, 'names are at most 63 characters')
  .regex(
    DNS_LABEL,
    'must be lower case letters, digits and dashes, starting and ending with a letter or digit',
  );

/** Names of AWS-side objects (security groups, NACLs, rules) may also use `_`. */
export const resourceName = z
  .string()
  .max(255)
  .regex(
    /^[A-Za-z0-9]([-_A-Za-z0-9.]*[A-Za-z0-9])?$/,
    'must be letters, digits, dashes, dots or underscores',
  );

export const duration = z.string().superRefine((value, ctx) => {
  if (!isDuration(value)) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      ...hinted(
        `"${value}" is not a duration`,
        'write a number and a unit: 250ms, 90s, 15m, 1h, 30d, 2w (or combined: 1h30m)',
      ),
    });
  }
});

export const cpuQuantity = z
  .union([z.number(), z.string()])
  .superRefine((v, ctx) => {
    if (parseCpu(v) === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        ...hinted(
          `"${v}" is not a CPU quantity`,
          'write millicores such as 250m, or cores such as 0.5 or 2',
        ),
      });
    }
  });

export const memoryQuantity = z
  .union([z.number(), z.string()])
  .superRefine((v, ctx) => {
    const problem = explainMemory(v);
    if (problem) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        ...hinted(`"${v}" is not a Kubernetes quantity`, problem),
      });
    }
  });

export const intOrPercent = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d+%$/, 'must be a whole number or a percentage such as "25%"'),
]);

export const portRange = z
  .union([z.number(), z.string()])
  .superRefine((v, ctx) => {
    if (parsePortRange(v) === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        ...hinted(
          `"${v}" is not a port or port range`,
          'write a port (443) or an inclusive range ("1024-65535") within 0–65535',
        ),
      });
    }
  });

export const port = z.number().int().min(1).max(65535);

/** A version written as a string (`"1.30"`, `"15.4"`): YAML turns 1.30 into 1.3. */
export const version = z
  .string()
  .regex(/^\d+(\.\d+){0,2}$/, 'write a version such as "15.4"');

export const timeWindow = z
  .string()
  .regex(
    /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/,
    'write a UTC window as "HH:MM-HH:MM", e.g. "03:00-04:00"',
  );

export const weeklyWindow = z
  .string()
  .regex(
    /^(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d-(mon|tue|wed|thu|fri|sat|sun):([01]\d|2[0-3]):[0-5]\d$/,
    'write a UTC weekly window as "ddd:HH:MM-ddd:HH:MM", e.g. "sun:04:00-sun:05:00"',
  );

export const percent = z.number().min(0).max(100);
