import { InputError } from '@backstage/errors';
import {
  InvalidInputError,
  parseTerraformPlan,
  type ParsedPlan,
} from '@gatehouse/plugin-cost-node';
import type { ChangeSummary } from '@gatehouse/plugin-approvals-common';

/**
 * Parses a submitted plan (object or JSON text). A malformed plan is a 400
 * that carries the parse error; nothing is stored.
 */
export function readPlan(plan: unknown): {
  json: Record<string, unknown>;
  parsed: ParsedPlan;
} {
  let json: unknown = plan;
  if (typeof plan === 'string') {
    try {
      json = JSON.parse(plan);
    } catch (error) {
      throw new InputError(
        `The plan is not valid JSON: ${(error as Error).message}`,
      );
    }
  }
  try {
    return {
      json: json as Record<string, unknown>,
      parsed: parseTerraformPlan(json),
    };
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InputError(error.message);
    throw error;
  }
}

/** Resource actions of a plan: the counts and every resource that changes. */
export function summarizePlan(parsed: ParsedPlan | undefined): ChangeSummary {
  const summary: ChangeSummary = {
    create: 0,
    update: 0,
    delete: 0,
    replace: 0,
    resources: [],
  };
  for (const change of parsed?.resourceChanges ?? []) {
    if (change.mode === 'data') continue;
    summary.resources.push({
      address: change.address,
      type: change.type,
      action: change.action,
    });
    if (change.action === 'create') summary.create += 1;
    else if (change.action === 'update') summary.update += 1;
    else if (change.action === 'delete') summary.delete += 1;
    else if (change.action === 'replace') summary.replace += 1;
  }
  return summary;
}
