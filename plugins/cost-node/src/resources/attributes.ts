import { isPlainObject } from '../util/narrow';

/** A path into resource attributes; numbers index nested blocks. */
export type AttributePath = ReadonlyArray<string | number>;

/** The state of one attribute on one side of a change. */
export type AttributeLookup =
  | { state: 'known'; value: unknown }
  | { state: 'unknown' }
  | { state: 'absent' };

const UNKNOWN: AttributeLookup = { state: 'unknown' };
const ABSENT: AttributeLookup = { state: 'absent' };

function child(node: unknown, step: string | number): unknown {
  if (typeof step === 'number') {
    if (Array.isArray(node)) return node[step];
    // Single nested blocks of the plugin framework are objects, not lists.
    return step === 0 && isPlainObject(node) ? node : undefined;
  }
  return isPlainObject(node) ? node[step] : undefined;
}

/**
 * Reads attribute values of one side of a change together with Terraform's
 * `after_unknown` mirror, where `true` marks a value (or a whole block) that
 * is only known after apply.
 */
export class ResourceAttributes {
  constructor(
    private readonly values: Record<string, unknown> | null,
    private readonly unknowns: unknown = undefined,
  ) {}

  lookup(path: AttributePath): AttributeLookup {
    let value: unknown = this.values;
    let unknown: unknown = this.unknowns;
    for (const step of path) {
      if (unknown === true) return UNKNOWN;
      value = child(value, step);
      unknown = child(unknown, step);
    }
    if (unknown === true) return UNKNOWN;
    if (value === undefined || value === null) return ABSENT;
    return { state: 'known', value };
  }

  /** Number of elements of a nested block list (0 when absent or unknown). */
  blockCount(name: string): number {
    const value = this.values?.[name];
    if (Array.isArray(value)) return value.length;
    return isPlainObject(value) ? 1 : 0;
  }
}

export function formatPath(path: AttributePath): string {
  return path
    .map((step, i) =>
      typeof step === 'number' ? `[${step}]` : `${i === 0 ? '' : '.'}${step}`,
    )
    .join('');
}
