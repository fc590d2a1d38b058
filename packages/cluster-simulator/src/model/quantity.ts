/**
 * Kubernetes resource quantities, as far as the simulator needs them:
 * CPU in millicores (`250m`, `2`) and memory in binary units (`123Mi`, `4Gi`).
 */

export function formatCpu(millicores: number): string {
  const m = Math.round(millicores);
  if (m % 1000 === 0) {
    return String(m / 1000);
  }
  return `${m}m`;
}

/** Memory given in MiB, written as `Gi` when whole, otherwise `Mi`. */
export function formatMemoryMi(mebibytes: number): string {
  const mi = Math.round(mebibytes);
  if (mi !== 0 && mi % 1024 === 0) {
    return `${mi / 1024}Gi`;
  }
  return `${mi}Mi`;
}

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const QUANTITY =
  /^([+-]?[0-9.]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** Parses a quantity into its plain number value (cores, bytes). */
export function parseQuantity(q: string | number): number {
  if (typeof q === 'number') {
    return q;
  }
  const match = QUANTITY.exec(q.trim());
  if (!match) {
    throw new Error(`Invalid quantity '${q}'`);
  }
  const value = Number(match[1]);
  const suffix = match[2] ?? '';
  if (suffix in BINARY) {
    return value * BINARY[suffix];
  }
  if (suffix in DECIMAL) {
    return value * DECIMAL[suffix];
  }
  return value * 10 ** Number(suffix.slice(1));
}

export function isQuantity(q: unknown): boolean {
  return typeof q === 'string' && QUANTITY.test(q);
}
