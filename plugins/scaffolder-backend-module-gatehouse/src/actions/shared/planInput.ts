import { InputError } from '@backstage/errors';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import {
  InfraPlan,
  parsePlan,
  validatePlan,
  ValidationResult,
} from '@gatehouse/plugin-infra-plans-common';
import { readFile } from 'node:fs/promises';
import yaml from 'yaml';

/** A plan given to an action: YAML text, an object, or a file in the workspace. */
export type PlanSource = {
  plan?: string | Record<string, unknown>;
  /** Path inside the workspace; default `infra-plan.yaml`. */
  path?: string;
};

/**
 * The plan's text and its validation on `asOf` (support calendars depend on
 * the date), from whichever form the action was given.
 */
export async function readPlanInput(
  source: PlanSource,
  workspacePath: string,
  asOf: Date,
): Promise<{ text: string; result: ValidationResult }> {
  if (typeof source.plan === 'string') {
    return { text: source.plan, result: parsePlan(source.plan, { asOf }) };
  }
  if (source.plan) {
    return {
      text: yaml.stringify(source.plan),
      result: validatePlan(source.plan, { asOf }),
    };
  }
  const file = resolveSafeChildPath(
    workspacePath,
    source.path ?? 'infra-plan.yaml',
  );
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError(
      `No plan given and ${
        source.path ?? 'infra-plan.yaml'
      } is not in the workspace`,
    );
  }
  return { text, result: parsePlan(text, { asOf }) };
}

/** The typed plan, or an error listing the first problems with their locations. */
export function requireValidPlan(
  result: ValidationResult,
  what = 'The plan',
): InfraPlan {
  if (result.plan && result.valid) return result.plan;
  const errors = result.issues
    .filter(issue => issue.severity === 'error')
    .slice(0, 10)
    .map(
      issue =>
        `  ${issue.path}${issue.line ? ` (line ${issue.line})` : ''}: ${
          issue.problem
        } — ${issue.hint}`,
    );
  throw new InputError(
    `${what} has ${result.errorCount} error(s):\n${errors.join('\n')}`,
  );
}
