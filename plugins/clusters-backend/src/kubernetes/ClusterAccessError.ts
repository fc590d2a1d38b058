import type { ClusterErrorKind } from '@gatehouse/plugin-clusters-common';

/** A cluster could not be read; its kind tells the dashboard why. */
export class ClusterAccessError extends Error {
  constructor(readonly kind: ClusterErrorKind, message: string) {
    super(message);
    this.name = 'ClusterAccessError';
  }
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** Turns whatever a request threw into a ClusterAccessError. */
export function toClusterAccessError(
  error: unknown,
  timeoutMs: number,
): ClusterAccessError {
  if (error instanceof ClusterAccessError) return error;
  const e = error as { name?: string; code?: string; message?: string };
  if (
    e?.name === 'TimeoutError' ||
    e?.name === 'AbortError' ||
    e?.code === 'UND_ERR_HEADERS_TIMEOUT' ||
    e?.code === 'UND_ERR_BODY_TIMEOUT'
  ) {
    return new ClusterAccessError(
      'timeout',
      `did not answer within ${timeoutMs} ms`,
    );
  }
  const code = e?.code ?? (e as any)?.cause?.code;
  if (code && UNREACHABLE_CODES.has(code)) {
    return new ClusterAccessError('unreachable', `unreachable (${code})`);
  }
  return new ClusterAccessError(
    'unreachable',
    e?.message ?? String(error ?? 'unknown error'),
  );
}
