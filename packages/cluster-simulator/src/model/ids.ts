import { createHash } from 'node:crypto';

/**
 * Deterministic identifiers, hashes and timestamps: the same inputs always
 * give the same objects, so tests and benchmarks can rely on names.
 */

/** The alphabet Kubernetes uses for generated name suffixes (no vowels, no 0/1/3). */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function digest(input: string): Buffer {
  return createHash('sha256').update(input).digest();
}

export function hex(input: string, length: number): string {
  let out = '';
  let i = 0;
  while (out.length < length) {
    out += digest(`${input}#${i++}`).toString('hex');
  }
  return out.slice(0, length);
}

/** A `k8s.io/apimachinery` style safe-encoded suffix of the given length. */
export function safeSuffix(input: string, length: number): string {
  const bytes = digest(input);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += SAFE_ALPHABET[bytes[i % bytes.length] % SAFE_ALPHABET.length];
  }
  return out;
}

/** A version-4 shaped UUID derived from the input. */
export function uuid(input: string): string {
  const h = hex(input, 32).split('');
  h[12] = '4';
  h[16] = '89ab'[parseInt(h[16], 16) % 4];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(
    16,
    20,
  )}-${s.slice(20)}`;
}

/** A 32-bit unsigned hash of the input. */
export function hash32(input: string): number {
  return digest(input).readUInt32BE(0);
}

/** A number in [0, 1) derived from the input. */
export function unit(input: string): number {
  return hash32(input) / 0x100000000;
}

/** An integer in [min, max] derived from the input. */
export function intBetween(input: string, min: number, max: number): number {
  return min + Math.floor(unit(input) * (max - min + 1));
}

/** RFC 3339 timestamp with second precision, as Kubernetes writes `metav1.Time`. */
export function timestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 3339 timestamp with microsecond precision (`metav1.MicroTime`). */
export function microTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
