import {
  InfraPlan,
  PlanIssue,
  ValidationResult,
  parsePlan as parsePlanYaml,
  validatePlan,
} from '@gatehouse/plugin-infra-plans-common';
import { InvalidInputError } from '../errors';

/** How many issues the error message spells out; all of them stay in `issues`. */
const ISSUES_IN_MESSAGE = 10;

/**
 * An infrastructure plan that does not validate. `issues` are the plan's
 * errors with their path (and line and column when read from YAML text), so
 * callers can point at each one.
 *
 * @public
 */
export class InvalidInfraPlanError extends InvalidInputError {
  readonly issues: PlanIssue[];

  constructor(what: string, issues: PlanIssue[]) {
    super(
      `Invalid infrastructure plan${what ? ` (${what})` : ''}: ${
        issues.length
      } error${issues.length === 1 ? '' : 's'}: ${issues
        .slice(0, ISSUES_IN_MESSAGE)
        .map(describeIssue)
        .join('; ')}${
        issues.length > ISSUES_IN_MESSAGE
          ? `; and ${issues.length - ISSUES_IN_MESSAGE} more`
          : ''
      }`,
    );
    this.name = 'InvalidInfraPlanError';
    this.issues = issues;
  }
}

function describeIssue(issue: PlanIssue): string {
  const where =
    issue.line !== undefined ? `${issue.line}:${issue.column ?? 1} ` : '';
  return `${where}${issue.path || '(document)'}: ${issue.problem}${
    issue.hint ? ` (${issue.hint})` : ''
  }`;
}

/**
 * Reads an infrastructure plan given as `infra-plan.yaml` text (YAML or
 * JSON) or as an already parsed object, and validates it with the plan
 * model's own rules. Warnings do not stop an estimate; errors do.
 *
 * @param what - names the input in the error message, e.g. "priorPlan".
 * @throws InvalidInfraPlanError with the located errors.
 * @public
 */
export function readInfraPlan(
  input: unknown,
  what = '',
  options: { asOf?: Date } = {},
): InfraPlan {
  const result: ValidationResult =
    typeof input === 'string'
      ? parsePlanYaml(input, options)
      : validatePlan(input, options);
  if (!result.valid || !result.plan) {
    throw new InvalidInfraPlanError(
      what,
      result.issues.filter(issue => issue.severity === 'error'),
    );
  }
  return result.plan;
}

/**
 * What a plan file holds: an infrastructure plan (`infra-plan.yaml`, YAML or
 * JSON) or the JSON of `terraform show -json`.
 *
 * @public
 */
export type PlanInput =
  | { kind: 'infra-plan'; plan: unknown }
  | { kind: 'terraform'; plan: unknown };

/**
 * Tells an infrastructure plan from a Terraform plan. Text that does not
 * start with `{` is YAML, so an infrastructure plan; JSON is parsed once and
 * is an infrastructure plan when its `kind` says so.
 *
 * @throws InvalidInputError when text starting with `{` is not JSON.
 * @public
 */
export function classifyPlanText(text: string): PlanInput {
  if (!text.trimStart().startsWith('{')) {
    return { kind: 'infra-plan', plan: text };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(
      `Invalid plan: not valid JSON (${(error as Error).message})`,
    );
  }
  const kind = (parsed as { kind?: unknown } | null)?.kind;
  return kind === 'InfrastructurePlan'
    ? { kind: 'infra-plan', plan: parsed }
    : { kind: 'terraform', plan: parsed };
}
