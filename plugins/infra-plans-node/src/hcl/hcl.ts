/**
 * A small HCL writer whose output is already in `terraform fmt` style, so a
 * generated repository passes `terraform fmt -check` without running it.
 *
 * What `terraform fmt` normalises, and this writer reproduces:
 *
 * - two spaces of indentation per nesting level;
 * - `=` of consecutive single-line attributes aligned one space after the
 *   longest name. A run of aligned lines ends at a blank line, a comment
 *   line, a block, or an attribute whose value spans several lines (fmt
 *   only aligns lines whose brackets balance);
 * - one space around `=`, none inside `[...]`, one after each comma.
 *
 * Values are data (strings, numbers, booleans, lists, objects) or raw
 * expressions (`ref('aws_vpc.this.id')`), so references and functions stay
 * readable while literal strings are always escaped correctly.
 */

/** A raw HCL expression, written as is: `aws_vpc.this.id`, `var.region`. */
export class HclExpression {
  constructor(readonly text: string) {}
}

/** A function call whose last argument is an object written over several lines: `jsonencode({ … })`. */
export class HclCall {
  constructor(readonly name: string, readonly argument: HclObject) {}
}

/** An object (map) value, written over several lines with aligned keys. */
export class HclObject {
  constructor(readonly entries: ReadonlyArray<readonly [string, HclValue]>) {}
}

export type HclValue =
  | string
  | number
  | boolean
  | HclExpression
  | HclCall
  | HclObject
  | ReadonlyArray<string | number | boolean | HclExpression>;

export type BodyItem =
  | { kind: 'attribute'; name: string; value: HclValue }
  | { kind: 'block'; type: string; labels: string[]; body: BodyItem[] }
  | { kind: 'blank' }
  | { kind: 'comment'; text: string };

/** Something a body may hold; `undefined`, `null` and `false` are skipped, so optional parts read naturally. */
export type BodyInput = BodyItem | BodyInput[] | undefined | null | false | '';

/** A raw expression. */
export function ref(text: string): HclExpression {
  return new HclExpression(text);
}

/** A template string with interpolations, written as is between quotes: `template('${var.name}-vpc')`. */
export function template(text: string): HclExpression {
  return new HclExpression(`"${text.replace(/\n/g, '\\n')}"`);
}

/** An object from a record, in the record's key order; `undefined` entries are skipped. */
export function object(
  record: Record<string, HclValue | undefined>,
): HclObject {
  return new HclObject(
    Object.entries(record).filter(
      (entry): entry is [string, HclValue] => entry[1] !== undefined,
    ),
  );
}

export function call(name: string, argument: HclObject): HclCall {
  return new HclCall(name, argument);
}

/** An attribute; skipped when the value is undefined. */
export function attr(
  name: string,
  value: HclValue | undefined,
): BodyItem | undefined {
  return value === undefined ? undefined : { kind: 'attribute', name, value };
}

export function block(
  type: string,
  labels: string[],
  ...body: BodyInput[]
): BodyItem {
  return { kind: 'block', type, labels, body: flatten(body) };
}

export function blank(): BodyItem {
  return { kind: 'blank' };
}

export function comment(text: string): BodyItem {
  return { kind: 'comment', text };
}

export function flatten(inputs: BodyInput[]): BodyItem[] {
  const items: BodyItem[] = [];
  const visit = (input: BodyInput) => {
    if (Array.isArray(input)) input.forEach(visit);
    else if (input) items.push(input as BodyItem);
  };
  inputs.forEach(visit);
  return items;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Whether a name can be written bare (an HCL identifier). */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/**
 * A Terraform resource name from any plan name: letters, digits, `_` and
 * `-`, starting with a letter or `_`.
 */
export function identifier(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** A quoted HCL string literal; `${` and `%{` are escaped so they stay literal. */
export function quote(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${escaped}"`;
}

function scalar(value: string | number | boolean | HclExpression): string {
  if (value instanceof HclExpression) return value.text;
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new Error(`Cannot write ${value} in HCL`);
    }
    return String(value);
  }
  return value ? 'true' : 'false';
}

/** A line of output: its depth, and for an aligned attribute its name and value. */
type Line =
  | { depth: number; text: string }
  | { depth: number; name: string; value: string };

function objectKey(key: string): string {
  return isIdentifier(key) ? key : quote(key);
}

/** Lines of `name = value`, the value possibly spanning several lines. */
function valueLines(name: string, value: HclValue, depth: number): Line[] {
  if (value instanceof HclObject) {
    if (value.entries.length === 0) return [{ depth, name, value: '{}' }];
    return [
      { depth, text: `${name} = {` },
      ...value.entries.flatMap(([key, v]) =>
        valueLines(objectKey(key), v, depth + 1),
      ),
      { depth, text: '}' },
    ];
  }
  if (value instanceof HclCall) {
    if (value.argument.entries.length === 0) {
      return [{ depth, name, value: `${value.name}({})` }];
    }
    return [
      { depth, text: `${name} = ${value.name}({` },
      ...value.argument.entries.flatMap(([key, v]) =>
        valueLines(objectKey(key), v, depth + 1),
      ),
      { depth, text: '})' },
    ];
  }
  if (Array.isArray(value)) {
    return [{ depth, name, value: `[${value.map(scalar).join(', ')}]` }];
  }
  return [
    {
      depth,
      name,
      value: scalar(value as string | number | boolean | HclExpression),
    },
  ];
}

function bodyLines(items: BodyItem[], depth: number): Line[] {
  const lines: Line[] = [];
  for (const item of items) {
    switch (item.kind) {
      case 'attribute':
        lines.push(...valueLines(item.name, item.value, depth));
        break;
      case 'block': {
        const header = [item.type, ...item.labels.map(quote)].join(' ');
        if (item.body.length === 0) {
          lines.push({ depth, text: `${header} {}` });
          break;
        }
        lines.push({ depth, text: `${header} {` });
        lines.push(...bodyLines(item.body, depth + 1));
        lines.push({ depth, text: '}' });
        break;
      }
      case 'blank':
        lines.push({ depth, text: '' });
        break;
      default:
        for (const text of item.text.split('\n')) {
          lines.push({ depth, text: text ? `# ${text}` : '#' });
        }
    }
  }
  return lines;
}

/** Renders lines, aligning the `=` of each run of consecutive single-line attributes. */
function renderLines(lines: Line[]): string {
  const out: string[] = [];
  let run: Array<{ depth: number; name: string; value: string }> = [];
  const flush = () => {
    const width = Math.max(...run.map(l => l.depth * 2 + l.name.length));
    for (const l of run) {
      const lead = `${'  '.repeat(l.depth)}${l.name}`;
      out.push(`${lead.padEnd(width)} = ${l.value}`);
    }
    run = [];
  };
  for (const line of lines) {
    if ('name' in line) {
      run.push(line);
      continue;
    }
    if (run.length) flush();
    out.push(line.text === '' ? '' : `${'  '.repeat(line.depth)}${line.text}`);
  }
  if (run.length) flush();
  return out.join('\n');
}

/**
 * A whole `.tf` file: top-level blocks separated by one blank line, an
 * optional header comment, and a final newline.
 */
export function renderHclFile(
  topLevel: BodyInput[],
  options: { header?: string } = {},
): string {
  const items = flatten(topLevel);
  const parts: string[] = [];
  if (options.header) {
    parts.push(renderLines(bodyLines([comment(options.header)], 0)));
  }
  for (const item of items) {
    parts.push(renderLines(bodyLines([item], 0)));
  }
  return `${parts.join('\n\n')}\n`;
}

/** Renders a body on its own (used for `terraform.tfvars`, which is a body of attributes). */
export function renderHclBody(
  items: BodyInput[],
  options: { header?: string } = {},
): string {
  const lines = bodyLines(flatten(items), 0);
  const head = options.header
    ? `${renderLines(bodyLines([comment(options.header)], 0))}\n\n`
    : '';
  return `${head}${renderLines(lines)}\n`;
}
