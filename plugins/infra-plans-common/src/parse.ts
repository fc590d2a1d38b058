import {
  Document,
  LineCounter,
  Node,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
} from 'yaml';
import type { PathSegment, PlanIssue } from './issues';
import {
  ValidationOptions,
  ValidationResult,
  collectIssues,
  formatIssue,
  toResult,
} from './validate';

type Position = { line: number; column: number };

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (typeof key === 'string' || typeof key === 'number') return String(key);
  return undefined;
}

/**
 * The 1-based line and column of a path in a YAML document: the value when
 * it exists (the key for `atKey`), else the deepest existing ancestor.
 */
export function locatePath(
  doc: Document,
  lineCounter: LineCounter,
  segments: readonly PathSegment[],
  atKey = false,
): Position | undefined {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find(p => keyText(p.key) === String(segment));
      if (!pair) break;
      const last = i === segments.length - 1;
      const value = pair.value as Node | null;
      if ((last && atKey) || !value || !value.range) {
        offset = (pair.key as Node | null)?.range?.[0] ?? offset;
        node = value;
        if (last && atKey) break;
        if (!value || !value.range) break;
      } else {
        node = value;
        offset = value.range[0];
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item?.range) break;
      node = item;
      offset = item.range[0];
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * Parses `infra-plan.yaml` text and validates it. Every issue carries the
 * line and column of the value it is about (or of the closest enclosing key
 * when the value is missing); YAML syntax errors are reported as issues of
 * rule `yaml-syntax` with their position.
 * @public
 */
export function parsePlan(
  yamlText: string,
  options: ValidationOptions = {},
): ValidationResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const syntax: PlanIssue[] = [...doc.errors, ...doc.warnings].map(error => {
    const start = lineCounter.linePos(error.pos[0]);
    return {
      path: '',
      line: start.line,
      column: start.col,
      severity: doc.errors.includes(error) ? 'error' : 'warning',
      problem: error.message.split('\n')[0],
      hint:
        error.code === 'DUPLICATE_KEY'
          ? 'remove or rename the repeated key'
          : 'fix the YAML syntax: check indentation, colons and quoting',
      rule: 'yaml-syntax',
    };
  });
  if (doc.errors.length > 0) return toResult(undefined, syntax);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return toResult(undefined, [
      ...syntax,
      {
        path: '',
        severity: 'error',
        problem: (e as Error).message,
        hint: 'simplify anchors and aliases',
        rule: 'yaml-syntax',
      },
    ]);
  }
  const { plan, issues } = collectIssues(value, options.asOf ?? new Date());
  return toResult(plan, [
    ...syntax,
    ...issues.map(issue =>
      formatIssue(
        issue,
        locatePath(doc, lineCounter, issue.segments, issue.atKey),
      ),
    ),
  ]);
}
