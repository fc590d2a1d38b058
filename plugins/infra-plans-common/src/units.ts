/**
 * Parsers for the units people write in an infrastructure plan: Kubernetes
 * CPU (`250m`, `0.5`, `2`) and memory/storage quantities (`512Mi`, `20Gi`),
 * durations (`90s`, `15m`, `1h`, `30d`, `1h30m`), port ranges (`443`,
 * `1024-65535`) and int-or-percent values (`1`, `25%`).
 *
 * Every parser returns `undefined` for input it does not understand, so the
 * validator can report the problem where it occurs instead of throwing.
 */

const CPU_PATTERN = /^(\d+(?:\.\d+)?)(m?)$/;

/**
 * Parses a Kubernetes CPU quantity into millicores: `250m` → 250,
 * `0.5` → 500, `2` → 2000, `1.5` → 1500.
 * @public
 */
export function parseCpu(value: string | number): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0
      ? Math.round(value * 1000)
      : undefined;
  }
  const match = CPU_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] === 'm' ? amount : Math.round(amount * 1000);
}

const MEMORY_FACTORS: Record<string, number> = {
  '': 1,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
};

const MEMORY_PATTERN = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|k|K|M|G|T|P)?$/;

/**
 * Parses a Kubernetes memory or storage quantity into bytes: `512Mi` →
 * 536870912, `1Gi` → 1073741824, `500M` → 500000000, `1024` → 1024.
 * A lower-case `m` (milli-bytes in Kubernetes, almost always a typo for `Mi`)
 * and non-Kubernetes suffixes such as `MB` or `GiB` are rejected.
 * @public
 */
export function parseMemory(value: string | number): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? value : undefined;
  }
  const match = MEMORY_PATTERN.exec(value.trim());
  if (!match) return undefined;
  return Number(match[1]) * MEMORY_FACTORS[match[2] ?? ''];
}

/**
 * Explains why a memory quantity was rejected, with the spelling the author
 * probably meant. Returns `undefined` for a valid quantity.
 * @public
 */
export function explainMemory(value: string | number): string | undefined {
  if (parseMemory(value) !== undefined) return undefined;
  const text = String(value).trim();
  const milli = /^(\d+(?:\.\d+)?)m$/.exec(text);
  if (milli) {
    return `"m" means milli-bytes in Kubernetes; write ${milli[1]}Mi for mebibytes`;
  }
  const bytesSuffix = /^(\d+(?:\.\d+)?)\s*([KMGTP])i?B$/i.exec(text);
  if (bytesSuffix) {
    return `write ${
      bytesSuffix[1]
    }${bytesSuffix[2].toUpperCase()}i (binary) or ${
      bytesSuffix[1]
    }${bytesSuffix[2].toUpperCase()} (decimal); Kubernetes quantities have no "B"`;
  }
  return 'use a Kubernetes quantity such as 512Mi, 2Gi or 100Gi';
}

/** Bytes in a mebibyte. @public */
export const MIB = 1024 ** 2;
/** Bytes in a gibibyte. @public */
export const GIB = 1024 ** 3;

const DURATION_UNITS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
};

const DURATION_PATTERN = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g;

/**
 * Parses a duration into seconds: `90s` → 90, `15m` → 900, `1h` → 3600,
 * `30d` → 2592000, `2w` → 1209600, `1h30m` → 5400, `250ms` → 0.25.
 * @public
 */
export function parseDuration(value: string): number | undefined {
  const text = value.trim();
  if (!DURATION_PATTERN.test(text)) return undefined;
  let seconds = 0;
  for (const match of text.matchAll(DURATION_PART)) {
    seconds += Number(match[1]) * DURATION_UNITS[match[2]];
  }
  return seconds;
}

/** Whether a string is a duration {@link parseDuration} accepts. @public */
export function isDuration(value: string): boolean {
  return parseDuration(value) !== undefined;
}

/**
 * Whole days in a duration (`30d` → 30, `2w` → 14, `36h` → 1.5), or
 * `undefined` when the duration does not parse.
 * @public
 */
export function durationDays(value: string): number | undefined {
  const seconds = parseDuration(value);
  return seconds === undefined ? undefined : seconds / 86400;
}

/**
 * Formats seconds as the shortest readable duration: 5400 → `1h30m`,
 * 2592000 → `30d`, 0.25 → `250ms`.
 * @public
 */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}

/**
 * Formats millicores the way Kubernetes authors write them: 250 → `250m`,
 * 1000 → `1`, 1500 → `1500m`.
 * @public
 */
export function formatCpu(millicores: number): string {
  return millicores % 1000 === 0
    ? String(millicores / 1000)
    : `${Math.round(millicores)}m`;
}

/**
 * Formats bytes with the largest binary suffix that keeps the figure readable:
 * 536870912 → `512Mi`, 1610612736 → `1.5Gi`.
 * @public
 */
export function formatMemory(bytes: number): string {
  for (const [suffix, size] of [
    ['Ti', 1024 ** 4],
    ['Gi', GIB],
    ['Mi', MIB],
    ['Ki', 1024],
  ] as const) {
    if (bytes >= size) {
      const amount = Math.round((bytes / size) * 100) / 100;
      return `${amount}${suffix}`;
    }
  }
  return String(bytes);
}

/** A port range, inclusive at both ends. @public */
export interface PortRange {
  from: number;
  to: number;
}

/**
 * Parses a port or port range: `443` → 443–443, `"1024-65535"` →
 * 1024–65535. Ports outside 0–65535 and reversed ranges are rejected.
 * @public
 */
export function parsePortRange(
  value: number | string | undefined,
): PortRange | undefined {
  if (value === undefined) return undefined;
  let from: number;
  let to: number;
  if (typeof value === 'number') {
    from = value;
    to = value;
  } else {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(value);
    if (!match) return undefined;
    from = Number(match[1]);
    to = match[2] === undefined ? from : Number(match[2]);
  }
  if (!Number.isInteger(from) || !Number.isInteger(to)) return undefined;
  if (from < 0 || to > 65535 || from > to) return undefined;
  return { from, to };
}

/** Formats a port range as written: 443, or 1024-65535. @public */
export function formatPortRange(range: PortRange): string {
  return range.from === range.to
    ? String(range.from)
    : `${range.from}-${range.to}`;
}

/**
 * Resolves a Kubernetes int-or-percent (`2`, `"25%"`) against a total:
 * `resolveIntOrPercent("25%", 8, 'up')` → 2. Percentages round up or down
 * as asked (disruption budgets and rolling updates' maxSurge round up).
 * @public
 */
export function resolveIntOrPercent(
  value: number | string,
  total: number,
  round: 'up' | 'down',
): number | undefined {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)%$/.exec(value.trim());
  if (!match) return undefined;
  const exact = (Number(match[1]) / 100) * total;
  return round === 'up' ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * Parses a percentage written as `99.9`, `99.9%` or `"5%"` into a number of
 * percent.
 * @public
 */
export function parsePercent(value: number | string): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
  return match ? Number(match[1]) : undefined;
}
