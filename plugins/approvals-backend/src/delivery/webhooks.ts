import { AuthenticationError, InputError } from '@backstage/errors';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookForge } from '../config';

/** A verified webhook: who sent it and the repository it is about. */
export type VerifiedWebhook = { forge: WebhookForge; remoteUrl?: string };

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function hmacHex(secret: string, body: Buffer) {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * Checks a webhook the way its forge signs it: GitHub's
 * `X-Hub-Signature-256` and Gitea's `X-Gitea-Signature` (HMAC-SHA256 of the
 * body), GitLab's `X-Gitlab-Token` and a plain git server's
 * `X-Gatehouse-Webhook-Token` (the secret itself). Throws
 * AuthenticationError (401) when the forge has no secret configured or the
 * signature is wrong.
 */
export function verifyWebhook(
  forge: WebhookForge,
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer | undefined,
  secrets: Partial<Record<WebhookForge, string>>,
): void {
  const secret = secrets[forge];
  if (!secret) {
    throw new AuthenticationError(
      `Webhooks from ${forge} are not configured (gatehouse.delivery.webhooks.${forge}.secret)`,
    );
  }
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const body = rawBody ?? Buffer.alloc(0);
  let valid: boolean;
  switch (forge) {
    case 'github':
      valid = sameSecret(
        header('x-hub-signature-256') ?? '',
        `sha256=${hmacHex(secret, body)}`,
      );
      break;
    case 'gitea':
      valid = sameSecret(
        header('x-gitea-signature') ?? '',
        hmacHex(secret, body),
      );
      break;
    case 'gitlab':
      valid = sameSecret(header('x-gitlab-token') ?? '', secret);
      break;
    default:
      valid = sameSecret(header('x-gatehouse-webhook-token') ?? '', secret);
  }
  if (!valid) {
    throw new AuthenticationError(
      `The ${forge} webhook's signature does not match the configured secret`,
    );
  }
}

/** The repository a (verified) webhook payload is about. */
export function webhookRemoteUrl(forge: WebhookForge, body: unknown): string {
  const payload = (body ?? {}) as Record<string, any>;
  let url: unknown;
  if (forge === 'gitlab') {
    url = payload.project?.git_http_url ?? payload.project?.web_url;
  } else if (forge === 'git') {
    url = payload.url;
  } else {
    url = payload.repository?.clone_url ?? payload.repository?.html_url;
  }
  if (typeof url !== 'string' || !url) {
    throw new InputError(
      forge === 'git'
        ? 'The webhook body must be {"url": "<clone URL of the repository>"}'
        : `The ${forge} webhook names no repository (expected a push or pull request event)`,
    );
  }
  return url;
}
