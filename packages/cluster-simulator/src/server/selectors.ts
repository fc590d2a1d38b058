import { fieldGetter, ResourceType } from '../model/kinds';
import { SimulatorError } from '../model/errors';
import { KubeObject } from '../types';

/**
 * Label and field selectors, parsed with the grammar and validation of
 * k8s.io/apimachinery (labels.Parse, fields.ParseSelector).
 */

export type LabelRequirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'gt' | 'lt'; value: number };

export type LabelSelector = (
  labels: Record<string, string> | undefined,
) => boolean;

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function badSelector(message: string): SimulatorError {
  return new SimulatorError(
    `unable to parse requirement: ${message}`,
    400,
    'BadRequest',
  );
}

function validateKey(key: string) {
  const parts = key.split('/');
  if (parts.length > 2) {
    throw badSelector(
      `invalid label key "${key}": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
  }
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (!prefix || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) {
      throw badSelector(
        `invalid label key "${key}": prefix part must be a lowercase RFC 1123 subdomain`,
      );
    }
  }
  if (!name || name.length > 63 || !NAME.test(name)) {
    throw badSelector(
      `invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
  }
}

function validateValue(value: string) {
  if (value === '') {
    return;
  }
  if (value.length > 63 || !NAME.test(value)) {
    throw badSelector(
      `invalid label value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
  }
}

type Token =
  | { t: 'id'; v: string }
  | { t: 'op'; v: '!' | '=' | '==' | '!=' | '>' | '<' | '(' | ')' | ',' };

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const special = ' \t\r\n!=<>(),';
  while (i < input.length) {
    const c = input[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    const two = input.slice(i, i + 2);
    if (two === '==' || two === '!=') {
      tokens.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('!=<>(),'.includes(c)) {
      tokens.push({ t: 'op', v: c as '!' });
      i++;
      continue;
    }
    let j = i;
    while (j < input.length && !special.includes(input[j])) {
      j++;
    }
    tokens.push({ t: 'id', v: input.slice(i, j) });
    i = j;
  }
  return tokens;
}

/** Parses a label selector string into requirements. */
export function parseLabelSelector(input: string): LabelRequirement[] {
  const tokens = lex(input);
  const reqs: LabelRequirement[] = [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const expectId = (what: string): string => {
    const tok = next();
    if (!tok || tok.t !== 'id') {
      throw badSelector(`found '${tok ? tok.v : ''}', expected: ${what}`);
    }
    return tok.v;
  };
  while (i < tokens.length) {
    let tok = peek();
    if (tok.t === 'op' && tok.v === '!') {
      next();
      const key = expectId("identifier after '!'");
      validateKey(key);
      reqs.push({ key, op: 'notexists' });
    } else {
      const key = expectId('identifier');
      validateKey(key);
      tok = peek();
      if (!tok || (tok.t === 'op' && tok.v === ',')) {
        reqs.push({ key, op: 'exists' });
      } else if (
        tok.t === 'op' &&
        (tok.v === '=' || tok.v === '==' || tok.v === '!=')
      ) {
        next();
        const after = peek();
        let value = '';
        if (after && after.t === 'id') {
          value = next().v;
        }
        validateValue(value);
        reqs.push({ key, op: tok.v === '!=' ? 'neq' : 'eq', value });
      } else if (tok.t === 'op' && (tok.v === '>' || tok.v === '<')) {
        next();
        const raw = expectId('integer value');
        if (!/^-?\d+$/.test(raw)) {
          throw badSelector(
            `for 'Gt', 'Lt' operators, the value must be an integer`,
          );
        }
        reqs.push({ key, op: tok.v === '>' ? 'gt' : 'lt', value: Number(raw) });
      } else if (tok.t === 'id' && (tok.v === 'in' || tok.v === 'notin')) {
        next();
        const open = next();
        if (!open || open.t !== 'op' || open.v !== '(') {
          throw badSelector(`found '${open ? open.v : ''}', expected: '('`);
        }
        const values: string[] = [];
        for (;;) {
          const v = next();
          if (!v) {
            throw badSelector(`found '', expected: ')'`);
          }
          if (v.t === 'op' && v.v === ')') {
            break;
          }
          if (v.t === 'op' && v.v === ',') {
            continue;
          }
          if (v.t !== 'id') {
            throw badSelector(
              `found '${v.v}', expected: ',', ')' or identifier`,
            );
          }
          validateValue(v.v);
          values.push(v.v);
        }
        if (values.length === 0) {
          throw badSelector(
            `for 'in', 'notin' operators, values set can't be empty`,
          );
        }
        reqs.push({ key, op: tok.v, values });
      } else {
        throw badSelector(
          `found '${tok.v}', expected: in, notin, =, ==, !=, gt, lt`,
        );
      }
    }
    const sep = next();
    if (sep && !(sep.t === 'op' && sep.v === ',')) {
      throw badSelector(`found '${sep.v}', expected: ','`);
    }
    if (sep && i >= tokens.length) {
      throw badSelector(`found '', expected: identifier`);
    }
  }
  return reqs;
}

export function matchesRequirement(
  req: LabelRequirement,
  labels: Record<string, string> | undefined,
): boolean {
  const has =
    labels !== undefined &&
    Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = has ? labels![req.key] : undefined;
  switch (req.op) {
    case 'exists':
      return has;
    case 'notexists':
      return !has;
    case 'eq':
      return has && value === req.value;
    case 'neq':
      return !has || value !== req.value;
    case 'in':
      return has && req.values.includes(value!);
    case 'notin':
      return !has || !req.values.includes(value!);
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value!)) {
        return false;
      }
      const n = Number(value);
      return req.op === 'gt' ? n > req.value : n < req.value;
    }
    default:
      return false;
  }
}

/** Compiles a label selector string; empty selects everything. */
export function compileLabelSelector(
  input: string | undefined | null,
): LabelSelector {
  if (!input || !input.trim()) {
    return () => true;
  }
  const reqs = parseLabelSelector(input);
  return labels => reqs.every(r => matchesRequirement(r, labels));
}

export interface FieldRequirement {
  field: string;
  op: 'eq' | 'neq';
  value: string;
}

/** Splits on an unescaped separator. */
function splitUnescaped(input: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === '\\' && i + 1 < input.length) {
      cur += c + input[i + 1];
      i++;
    } else if (c === sep) {
      parts.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  parts.push(cur);
  return parts;
}

function unescapeValue(v: string): string {
  return v.replace(/\\(.)/g, '$1');
}

export function parseFieldSelector(input: string): FieldRequirement[] {
  const reqs: FieldRequirement[] = [];
  for (const part of splitUnescaped(input, ',')) {
    if (!part) {
      continue;
    }
    const m = /^([^=!\\]+)(!=|==|=)(.*)$/s.exec(part);
    if (!m) {
      throw new SimulatorError(
        `invalid selector: '${input}'; can't understand '${part}'`,
        400,
        'BadRequest',
      );
    }
    const [, field, op, raw] = m;
    reqs.push({
      field: field.trim(),
      op: op === '!=' ? 'neq' : 'eq',
      value: unescapeValue(raw),
    });
  }
  return reqs;
}

/** Compiles a field selector for a resource type; unknown fields are a 400. */
export function compileFieldSelector(
  rt: ResourceType,
  input: string | undefined | null,
): (obj: KubeObject) => boolean {
  if (!input || !input.trim()) {
    return () => true;
  }
  const reqs = parseFieldSelector(input).map(r => {
    const get = fieldGetter(rt, r.field);
    if (!get) {
      throw new SimulatorError(
        `field label not supported: ${r.field}`,
        400,
        'BadRequest',
      );
    }
    return { ...r, get };
  });
  return obj =>
    reqs.every(r => {
      const v = r.get(obj) ?? '';
      return r.op === 'eq' ? v === r.value : v !== r.value;
    });
}
