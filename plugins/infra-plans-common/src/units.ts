/**
 * Parsers for the units people write in an infrastructure plan: Kubernetes
 * CPU (`250m`, `0.5`, `2`) and memory/storage quantities (`512Mi`, `20Gi`),
 * durations (`90s`, `15m`, `1h`, `30d`, `1h30m`), port ranges (`443`,
 * `1024-65535`) and int-or-percent values (`1`, `25%`); and the reading of
 * any Kubernetes quantity, for code that reads manifests and objects.
 *
 * Every parser returns `undefined` for input it does not understand, so the
 * validator can report the problem where it occurs instead of throwing.
 */

// ------------------------------------------------------------- quantities
//
// The one reading of Kubernetes quantities (`250m`, `512Mi`, `1e3`) in the
// repository: plans, the cost estimate of manifests and the cluster
// simulator all come here. There are two layers, on purpose:
//
// - `parseQuantity` accepts exactly what the Kubernetes API server accepts
//   (resource.Quantity). Code that reads real manifests or objects uses it,
//   because a manifest Kubernetes would apply must not be refused.
// - `parseCpu` and `parseMemory` read what a plan author writes. They accept
//   the same grammar minus spellings that are legal Kubernetes but, in a
//   plan, are almost always a slip: `512m` of memory is 0.512 bytes
//   (Kubernetes rounds it up to one byte; the author meant `512Mi`), and
//   `1k` or `1M` of CPU is a thousand or a million cores. Plan validation
//   refuses those with a message that says what to write instead
//   (`explainMemory`), rather than planning a one-byte workload.

/**
 * The grammar of a Kubernetes quantity (resource.Quantity): an optionally
 * signed decimal number (`2`, `0.5`, `.5`, `5.`) with at most one suffix,
 * binary SI (`Ki` to `Ei`), decimal SI (`n`, `u`, `m`, `k`, `M` to `E`) or a
 * decimal exponent (`e3`, `E-2`). Like the API server, it allows no spaces
 * and no other suffixes: `1K`, `1KB`, `1GiB` and `1 Gi` are not quantities.
 * @public
 */
export const QUANTITY_PATTERN =
  /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

const BINARY_EXPONENTS: Record<string, number> = {
  Ki: 10,
  Mi: 20,
  Gi: 30,
  Ti: 40,
  Pi: 50,
  Ei: 60,
};

const DECIMAL_EXPONENTS: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};

/** A quantity taken apart: sign, the number as written, its suffix. */
interface QuantityParts {
  negative: boolean;
  digits: string;
  suffix: string;
  /** The suffix as powers of ten and of two (`k` → 3, 0; `Mi` → 0, 20). */
  exponent10: number;
  exponent2: number;
}

function quantityParts(value: string | number): QuantityParts | undefined {
  // A number is written out first (3 → "3", 1e21 → "1e+21"), which the
  // grammar reads as well; NaN and Infinity are not quantities.
  const match = QUANTITY_PATTERN.exec(String(value));
  if (!match) return undefined;
  const [, sign, digits, suffix = ''] = match;
  const binary = BINARY_EXPONENTS[suffix];
  return {
    negative: sign === '-',
    digits,
    suffix,
    exponent10:
      binary !== undefined
        ? 0
        : DECIMAL_EXPONENTS[suffix] ?? Number(suffix.slice(1)),
    exponent2: binary ?? 0,
  };
}

/**
 * The quantity's value times 10^shift. It is computed from the decimal
 * digits as written, so `1100m` is exactly 1.1 and 1100 millicores
 * (multiplying 1100 by 0.001 gives 1.1000000000000001).
 */
function quantityValue(parts: QuantityParts, shift = 0): number {
  const magnitude =
    Number(`${parts.digits}e${parts.exponent10 + shift}`) *
    2 ** parts.exponent2;
  return parts.negative && magnitude !== 0 ? -magnitude : magnitude;
}

/**
 * Reads any Kubernetes quantity into its plain value: cores for CPU, bytes
 * for memory and storage. `500m` → 0.5, `512Mi` → 536870912, `1G` → 1e9,
 * `1e3` → 1000, and `512m` → 0.512 (legal Kubernetes, if odd, for memory).
 * Numbers are taken as written. Signs are part of the grammar, so `-1` is
 * -1: whether a negative amount makes sense is for the caller to say.
 * Returns `undefined` for anything the API server would refuse.
 * @public
 */
export function parseQuantity(value: string | number): number | undefined {
  const parts = quantityParts(value);
  return parts ? quantityValue(parts) : undefined;
}

/**
 * Parses the CPU of a plan into whole millicores: `250m` → 250, `0.5` →
 * 500, `2` → 2000, `1.5` → 1500. A plan writes CPU as cores or millicores,
 * the two forms Kubernetes itself prints; any other suffix (`1k`, `1M`,
 * `500000u`) is refused as a likely slip, and so are negative amounts.
 * Fractions of a millicore round up, as Kubernetes rounds them (MilliValue).
 * @public
 */
export function parseCpu(value: string | number): number | undefined {
  const parts = quantityParts(value);
  if (!parts) return undefined;
  if (typeof value === 'string' && parts.suffix !== '' && parts.suffix !== 'm')
    return undefined;
  const millicores = quantityValue(parts, 3);
  return millicores < 0 ? undefined : Math.ceil(millicores);
}

/** Suffixes that count fractions of a byte: never meant for memory. */
const SUB_BYTE_SUFFIXES: Record<string, string> = {
  m: 'milli',
  u: 'micro',
  n: 'nano',
};

/**
 * Parses the memory or storage of a plan into whole bytes: `512Mi` →
 * 536870912, `1Gi` → 1073741824, `500M` → 500000000, `1024` → 1024,
 * `1e9` → 1000000000. Everything Kubernetes accepts is accepted except
 * negative amounts and the fractions-of-a-byte suffixes `m`, `u` and `n`
 * (`512m` is 0.512 bytes in Kubernetes and almost always a typo for
 * `512Mi`; see {@link explainMemory}). Like Kubernetes, a fraction of a
 * byte left over (`0.1Ki`) rounds up.
 * @public
 */
export function parseMemory(value: string | number): number | undefined {
  const parts = quantityParts(value);
  if (!parts || parts.suffix in SUB_BYTE_SUFFIXES) return undefined;
  const bytes = quantityValue(parts);
  return bytes < 0 ? undefined : Math.ceil(bytes);
}

/**
 * Explains why a memory quantity was rejected, with the spelling the author
 * probably meant. Returns `undefined` for a valid quantity.
 * @public
 */
export function explainMemory(value: string | number): string | undefined {
  if (parseMemory(value) !== undefined) return undefined;
  const text = String(value);
  const parts = quantityParts(text);
  if (parts && parts.suffix in SUB_BYTE_SUFFIXES) {
    const prefix = SUB_BYTE_SUFFIXES[parts.suffix];
    return parts.suffix === 'm'
      ? `"m" means ${prefix}-bytes in Kubernetes; write ${parts.digits}Mi for mebibytes`
      : `"${parts.suffix}" means ${prefix}-bytes in Kubernetes; write memory in Ki, Mi or Gi`;
  }
  if (parts) return 'memory cannot be negative';
  const upperKilo = /^(\d+(?:\.\d+)?)K$/.exec(text);
  if (upperKilo) {
    return `Kubernetes writes kilo as a lower-case k; write ${upperKilo[1]}k (×1000) or ${upperKilo[1]}Ki (×1024)`;
  }
  const bytesSuffix = /^(\d+(?:\.\d+)?)\s*([KMGTP])i?B$/i.exec(text);
  if (bytesSuffix) {
    return `write ${
      bytesSuffix[1]
    }${bytesSuffix[2].toUpperCase()}i (binary) or ${
      bytesSuffix[1]
    }${bytesSuffix[2].toUpperCase()} (decimal); Kubernetes quantities have no "B"`;
  }
  if (/\s/.test(text)) {
    return 'remove the spaces: Kubernetes quantities have none (512Mi)';
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
 * Formats millicores the way Kubernetes prints CPU: whole cores bare,
 * anything else in millicores (250 → `250m`, 1000 → `1`, 1500 → `1500m`).
 * The figure is rounded to a whole millicore first, so 999.6 is `1`.
 * @public
 */
export function formatCpu(millicores: number): string {
  const rounded = Math.round(millicores);
  return rounded % 1000 === 0 ? String(rounded / 1000) : `${rounded}m`;
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

const BINARY_SUFFIXES_LARGEST_FIRST = Object.entries(BINARY_EXPONENTS)
  .map(([suffix, exponent]) => [suffix, 2 ** exponent] as const)
  .reverse();

/**
 * Formats bytes as Kubernetes prints a binary quantity (its canonical form):
 * the largest suffix that keeps the number whole, so 536870912 → `512Mi`,
 * 1610612736 → `1536Mi`, 4294967296 → `4Gi`, 1000 → `1000`, 0 → `0`. Use it
 * for values written into manifests; {@link formatMemory} is for reading.
 * The figure is rounded to a whole byte first.
 * @public
 */
export function formatMemoryQuantity(bytes: number): string {
  const whole = Math.round(bytes);
  if (whole !== 0) {
    for (const [suffix, size] of BINARY_SUFFIXES_LARGEST_FIRST) {
      if (whole % size === 0) return `${whole / size}${suffix}`;
    }
  }
  return String(whole);
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
