import type { ServerResponse } from 'node:http';

/** Kubernetes `Status` reasons by HTTP code. */
const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  retryAfterSeconds?: number;
}

export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

export function statusObject(
  code: number,
  message: string,
  reason = REASONS[code] ?? (code >= 500 ? 'InternalError' : 'Unknown'),
  details?: StatusDetails,
): KubeStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const buf = Buffer.from(text);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': String(buf.length),
    'Cache-Control': 'no-cache, private',
    ...headers,
  });
  res.end(buf);
}

export function sendStatus(
  res: ServerResponse,
  code: number,
  message: string,
  reason?: string,
  details?: StatusDetails,
) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, code, statusObject(code, message, reason, details));
}
