import { InvalidInputError } from '../errors';

const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Record<string, number> = {
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

const QUANTITY_PATTERN =
  /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/;

/**
 * Parses a Kubernetes resource quantity ("500m", "1.5", "512Mi", "1G",
 * "1e9") into its plain value (cores for CPU, bytes for memory).
 */
export function parseQuantity(quantity: unknown, path: string): number {
  if (
    typeof quantity === 'number' &&
    Number.isFinite(quantity) &&
    quantity >= 0
  ) {
    return quantity;
  }
  const match =
    typeof quantity === 'string'
      ? QUANTITY_PATTERN.exec(quantity.trim())
      : null;
  const multiplier = match
    ? BINARY_SUFFIXES[match[2]] ?? DECIMAL_SUFFIXES[match[2]]
    : undefined;
  if (!match || multiplier === undefined || Number(match[1]) < 0) {
    throw new InvalidInputError(
      `${path} must be a Kubernetes quantity such as "500m" or "512Mi" (got ${JSON.stringify(
        quantity,
      )})`,
    );
  }
  return Number(match[1]) * multiplier;
}

/** Bytes → GiB. */
export function bytesToGiB(bytes: number): number {
  return bytes / 2 ** 30;
}
