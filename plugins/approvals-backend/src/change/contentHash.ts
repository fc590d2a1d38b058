import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object')
    return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
    .join(',')}}`;
}

/**
 * The hash approvals are bound to: everything the approver saw. A pipeline
 * that applies a plan whose hash differs from the approved one is refused.
 */
export function contentHash(content: {
  entityRef: string;
  environment: string;
  plan: unknown;
  /** The infrastructure plan and its prior, as validated data (formatting and comments aside). */
  infraPlan?: { plan: unknown; priorPlan: unknown } | null;
  files: Array<{ path: string; content: string }>;
  estimate: unknown;
  notes: unknown;
  inputs: unknown;
}): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
