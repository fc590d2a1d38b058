/**
 * Shape checks of a Prometheus rule file, as `promtool check rules` would
 * make them: groups with unique names, alerting or recording rules with the
 * fields they allow, valid durations and label names, and every expression
 * parsed with Prometheus' own PromQL grammar (@prometheus-io/lezer-promql).
 */
import { parser } from '@prometheus-io/lezer-promql';
import { z } from 'zod';

/** Prometheus durations: `5m`, `1h30m`, `250ms`. */
const PROM_DURATION =
  /^((\d+)y)?((\d+)w)?((\d+)d)?((\d+)h)?((\d+)m)?((\d+)s)?((\d+)ms)?$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const duration = z
  .string()
  .refine(
    v => v !== '' && PROM_DURATION.test(v),
    'is not a Prometheus duration (e.g. 5m, 1h30m)',
  );
const labelMap = z.record(z.string()).superRefine((labels, ctx) => {
  for (const name of Object.keys(labels)) {
    if (!LABEL_NAME.test(name)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${name}" is not a valid label name`,
      });
    }
  }
});

const ruleSchema = z
  .object({
    alert: z
      .string()
      .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, 'alert names are metric-name-like')
      .optional(),
    record: z
      .string()
      .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/)
      .optional(),
    expr: z.string().min(1),
    for: duration.optional(),
    keep_firing_for: duration.optional(),
    labels: labelMap.optional(),
    annotations: labelMap.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if ((rule.alert === undefined) === (rule.record === undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'a rule has exactly one of alert and record',
      });
    }
    if (rule.record !== undefined && (rule.for || rule.annotations)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: 'recording rules have no for or annotations',
      });
    }
  });

const ruleFileSchema = z
  .object({
    groups: z
      .array(
        z
          .object({
            name: z.string().min(1),
            interval: duration.optional(),
            limit: z.number().int().nonnegative().optional(),
            rules: z.array(ruleSchema),
          })
          .strict(),
      )
      .superRefine((groups, ctx) => {
        const seen = new Set<string>();
        groups.forEach((group, i) => {
          if (seen.has(group.name)) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [i, 'name'],
              message: `group name "${group.name}" is used twice`,
            });
          }
          seen.add(group.name);
        });
      }),
  })
  .strict();

/** Problems in a PromQL expression: positions where the grammar fails, empty when it parses. */
export function promqlErrors(expr: string): string[] {
  const errors: string[] = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) {
        errors.push(
          `PromQL does not parse at ${node.from}: …${expr.slice(
            Math.max(0, node.from - 20),
            node.from + 20,
          )}…`,
        );
      }
    },
  });
  return errors;
}

/** Problems in a parsed rule file; empty when it is fine. */
export function checkRuleFile(document: unknown): string[] {
  const result = ruleFileSchema.safeParse(document);
  if (!result.success) {
    return result.error.issues.map(
      issue => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
  }
  return result.data.groups.flatMap((group, g) =>
    group.rules.flatMap((rule, r) =>
      promqlErrors(rule.expr).map(
        e => `groups.${g}.rules.${r}.expr (${rule.alert ?? rule.record}): ${e}`,
      ),
    ),
  );
}
