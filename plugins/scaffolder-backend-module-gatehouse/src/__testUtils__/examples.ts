/*
 * Running an action's documented examples in tests: each example's YAML is
 * parsed, the `${{ … }}` expressions of its step's input are filled in from
 * a context (as the scaffolder would from the template's parameters and
 * earlier steps), and the input is checked against the action's input schema
 * the way the scaffolder checks it before running a step. Test-only.
 */
import type {
  TemplateAction,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export type ExampleStep = {
  id: string;
  name?: string;
  action: string;
  input: Record<string, unknown>;
};

/** The steps of every example of an action, each with the example's description. */
export function exampleSteps(
  examples: TemplateExample[],
): Array<{ description: string; step: ExampleStep }> {
  return examples.flatMap(example => {
    const parsed = yaml.parse(example.example);
    return (parsed.steps as ExampleStep[]).map(step => ({
      description: example.description,
      step,
    }));
  });
}

const EXPRESSION = /\$\{\{\s*([^}]+?)\s*\}\}/g;

/** Evaluates a property path such as `steps['change'].output.plan` or `parameters.service`. */
function evaluatePath(path: string, context: Record<string, unknown>) {
  const parts: string[] = [];
  const re =
    /^([A-Za-z_$][\w$]*)|\.([A-Za-z_$][\w$]*)|\[\s*(?:'([^']*)'|"([^"]*)"|(\d+))\s*\]/y;
  let rest = path.trim();
  while (rest) {
    re.lastIndex = 0;
    const m = re.exec(rest);
    if (!m) throw new Error(`Cannot evaluate \${{ ${path} }} in a test`);
    parts.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]);
    rest = rest.slice(m[0].length);
  }
  let value: unknown = context;
  for (const part of parts) {
    if (value === null || typeof value !== 'object' || !(part in value)) {
      throw new Error(`\${{ ${path} }}: nothing at '${part}'`);
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Fills in `${{ path }}` expressions from `context`. A string that is one
 * expression takes the value itself (an object stays an object, as in the
 * scaffolder); expressions inside longer strings are interpolated.
 */
export function renderExpressions<T>(
  value: T,
  context: Record<string, unknown>,
): T {
  if (typeof value === 'string') {
    const whole = /^\$\{\{\s*([^}]+?)\s*\}\}$/.exec(value);
    if (whole) return evaluatePath(whole[1], context) as T;
    return value.replace(EXPRESSION, (_, path) =>
      String(evaluatePath(path, context)),
    ) as T;
  }
  if (Array.isArray(value))
    return value.map(v => renderExpressions(v, context)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, renderExpressions(v, context)]),
    ) as T;
  }
  return value;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * The problems of `value` against `schema`: the parts of JSON Schema that
 * zod-to-json-schema writes for action inputs (types, properties, required,
 * additionalProperties, enum, pattern, bounds, anyOf).
 */
export function schemaProblems(
  value: unknown,
  schema: JsonSchema,
  at = 'input',
): string[] {
  const problems: string[] = [];
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    const ok = types.some(
      t => t === actual || (t === 'number' && actual === 'integer'),
    );
    if (!ok) return [`${at} is ${actual}, not ${types.join(' or ')}`];
  }
  if (schema.enum && !schema.enum.includes(value))
    problems.push(
      `${at} is ${JSON.stringify(value)}, not one of ${schema.enum}`,
    );
  if ('const' in schema && schema.const !== value)
    problems.push(`${at} is not ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value))
      problems.push(`${at} does not match ${schema.pattern}`);
    if (schema.minLength !== undefined && value.length < schema.minLength)
      problems.push(`${at} is shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      problems.push(`${at} is longer than ${schema.maxLength}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      problems.push(`${at} is below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      problems.push(`${at} is above ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) =>
      problems.push(...schemaProblems(item, schema.items!, `${at}[${i}]`)),
    );
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in record)) problems.push(`${at}.${key} is required`);
    }
    for (const [key, v] of Object.entries(record)) {
      const property = schema.properties?.[key];
      if (property) {
        problems.push(...schemaProblems(v, property, `${at}.${key}`));
      } else if (schema.additionalProperties === false) {
        problems.push(`${at}.${key} is not an input of the action`);
      } else if (typeof schema.additionalProperties === 'object') {
        problems.push(
          ...schemaProblems(v, schema.additionalProperties, `${at}.${key}`),
        );
      }
    }
  }
  if (schema.anyOf) {
    const each = schema.anyOf.map(s => schemaProblems(value, s, at));
    if (each.every(p => p.length > 0))
      problems.push(`${at} matches none of: ${each.map(p => p[0]).join('; ')}`);
  }
  for (const s of schema.allOf ?? [])
    problems.push(...schemaProblems(value, s, at));
  return problems;
}

/**
 * An example step's input, with its expressions filled in from `context`,
 * after checking it is a step of this action and the input is one the
 * scaffolder would accept for it.
 */
export function exampleInput(
  action: TemplateAction<any, any, any>,
  step: ExampleStep,
  context: Record<string, unknown> = {},
): Record<string, any> {
  if (step.action !== action.id) {
    throw new Error(`The example step runs ${step.action}, not ${action.id}`);
  }
  const input = renderExpressions(step.input ?? {}, context);
  const problems = schemaProblems(
    input,
    (action.schema?.input ?? {}) as JsonSchema,
  );
  if (problems.length > 0) {
    throw new Error(
      `The example of ${
        action.id
      } has an input the scaffolder would refuse: ${problems.join('; ')}`,
    );
  }
  return input;
}
