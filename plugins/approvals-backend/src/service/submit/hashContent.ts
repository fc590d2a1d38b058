import type { StoredEstimate } from '@gatehouse/plugin-cost-common';
import { contentHash } from '../../change/contentHash';
import type { ParsedSubmission } from './parseSubmission';

/**
 * The hash the revision's approvals are bound to: the change as the approver
 * sees it (plans, files, estimate, notes and inputs), not how it was sent.
 */
export function hashContent(change: {
  submission: ParsedSubmission;
  environment: string;
  estimate: StoredEstimate | null;
}): string {
  const { submission, environment, estimate } = change;
  const { entityRef, plan, infraPlan, files, notes, inputs } = submission;
  return contentHash({
    entityRef,
    environment,
    plan: plan?.json ?? null,
    infraPlan: infraPlan
      ? { plan: infraPlan.plan, priorPlan: infraPlan.prior ?? null }
      : undefined,
    files: files.map(f => ({ path: f.path, content: f.content })),
    estimate: estimate
      ? {
          totals: estimate.result.totals,
          resources: estimate.result.resources,
        }
      : null,
    notes,
    inputs,
  });
}
