import { z } from 'zod';
import type { PathSegment, RawIssue } from '../issues';

function valueAt(input: unknown, segments: readonly PathSegment[]): unknown {
  let value: unknown = input;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Unwraps optional/effects/array/record layers to the object schema at a path. */
function objectShapeAt(
  schema: z.ZodTypeAny,
  segments: readonly PathSegment[],
): Record<string, z.ZodTypeAny> | undefined {
  let current: z.ZodTypeAny | undefined = schema;
  const unwrap = (s: z.ZodTypeAny): z.ZodTypeAny => {
    let t = s;
    for (;;) {
      if (t instanceof z.ZodOptional || t instanceof z.ZodNullable)
        t = t.unwrap();
      else if (t instanceof z.ZodEffects) t = t.innerType();
      else return t;
    }
  };
  for (const segment of segments) {
    if (!current) return undefined;
    const node = unwrap(current);
    if (node instanceof z.ZodObject) current = node.shape[segment as string];
    else if (node instanceof z.ZodArray) current = node.element;
    else if (node instanceof z.ZodRecord) current = node.valueSchema;
    else return undefined;
  }
  const node = current ? unwrap(current) : undefined;
  return node instanceof z.ZodObject ? node.shape : undefined;
}

function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      rows[i][j] = Math.min(
        rows[i - 1][j] + 1,
        rows[i][j - 1] + 1,
        rows[i - 1][j - 1] +
          (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
      );
    }
  }
  return rows[a.length][b.length];
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(word.length / 3))
    ? best
    : undefined;
}

function describeType(type: string): string {
  switch (type) {
    case 'object':
      return 'a mapping of fields';
    case 'array':
      return 'a list';
    case 'integer':
      return 'a whole number';
    default:
      return `a ${type}`;
  }
}

function label(segments: readonly PathSegment[]): string {
  const last = [...segments].reverse().find(s => typeof s === 'string');
  return last === undefined ? 'the plan' : String(last);
}

/** Turns zod issues into located, hinted plan issues. */
export function schemaIssues(
  error: z.ZodError,
  input: unknown,
  schema: z.ZodTypeAny,
  base: PathSegment[] = [],
): RawIssue[] {
  const out: RawIssue[] = [];
  const push = (
    segments: PathSegment[],
    problem: string,
    hint: string,
    atKey = false,
  ) =>
    out.push({
      segments: [...base, ...segments],
      severity: 'error',
      problem,
      hint,
      rule: 'schema',
      atKey,
    });

  const visit = (issue: z.ZodIssue) => {
    const path = issue.path;
    const value = valueAt(input, path);
    const name = label(path);
    switch (issue.code) {
      case z.ZodIssueCode.invalid_type:
        if (issue.received === 'undefined') {
          push(path, `${name} is required`, `add ${name} (${issue.expected})`);
        } else if (issue.expected === 'string' && issue.received === 'number') {
          push(
            path,
            `${name} must be a string, got the number ${show(value)}`,
            `quote it in YAML ("${show(
              value,
            )}"): unquoted, a version like 1.30 becomes the number 1.3`,
          );
        } else {
          const expected = describeType(issue.expected);
          push(
            path,
            `${name} must be ${expected}, got ${show(value)}`,
            `write ${name} as ${expected}`,
          );
        }
        return;
      case z.ZodIssueCode.unrecognized_keys: {
        const known = Object.keys(objectShapeAt(schema, path) ?? {});
        for (const key of issue.keys) {
          const suggestion = closest(key, known);
          push(
            [...path, key],
            `unknown field ${key}`,
            suggestion
              ? `did you mean ${suggestion}?`
              : `known fields here: ${known.join(', ')}`,
            true,
          );
        }
        return;
      }
      case z.ZodIssueCode.invalid_enum_value:
        push(
          path,
          `${show(value)} is not a valid ${name}`,
          `use one of: ${issue.options.join(', ')}`,
        );
        return;
      case z.ZodIssueCode.invalid_literal:
        push(
          path,
          `${name} must be ${JSON.stringify(issue.expected)}, got ${show(
            value,
          )}`,
          `set ${name}: ${String(issue.expected)}`,
        );
        return;
      case z.ZodIssueCode.invalid_union: {
        const specific = issue.unionErrors
          .flatMap(e => e.issues)
          .filter(i => i.code !== z.ZodIssueCode.invalid_type);
        if (specific.length > 0) {
          visit(specific[0]);
        } else {
          push(
            path,
            `${name} has the wrong type (${show(value)})`,
            `write ${name} as a number or a string such as "250m", "512Mi" or "25%"`,
          );
        }
        return;
      }
      case z.ZodIssueCode.too_small:
        if (issue.type === 'array') {
          push(
            path,
            `${name} needs at least ${issue.minimum} item${
              issue.minimum === 1 ? '' : 's'
            }`,
            `add ${name} entries`,
          );
        } else if (issue.type === 'string') {
          push(path, `${name} is empty`, `write a value for ${name}`);
        } else {
          push(
            path,
            `${name} ${show(value)} is below the minimum ${issue.minimum}`,
            `use a value of at least ${issue.minimum}`,
          );
        }
        return;
      case z.ZodIssueCode.too_big:
        push(
          path,
          `${name} ${show(value)} is above the maximum ${issue.maximum}`,
          `use a value of at most ${issue.maximum}`,
        );
        return;
      case z.ZodIssueCode.invalid_string:
        push(path, `${name} ${show(value)} is not valid`, issue.message);
        return;
      case z.ZodIssueCode.custom: {
        const hint = (issue.params as { hint?: string } | undefined)?.hint;
        push(path, issue.message, hint ?? issue.message);
        return;
      }
      default:
        push(path, `${name}: ${issue.message}`, issue.message);
    }
  };
  error.issues.forEach(visit);
  return out;
}
