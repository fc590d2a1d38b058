/** How long to wait before retrying a cluster, by consecutive failures. */
export type BackoffPolicy = {
  /** After the first failure. */
  initialDelayMs: number;
  /** Never longer than this. */
  maxDelayMs: number;
};

/**
 * Exponential back-off with jitter: the delay doubles with each consecutive
 * failure up to the maximum, and is then drawn from its upper half, so
 * replicas (and clusters) that failed together do not retry together.
 * `random` is Math.random in the plugin, fixed in tests.
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failures - 1);
  const ceiling = Math.min(
    policy.maxDelayMs,
    policy.initialDelayMs * 2 ** Math.min(exponent, 30),
  );
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
