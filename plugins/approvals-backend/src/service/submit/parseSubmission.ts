import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { Clock } from '@gatehouse/clock';
import {
  readSubmittedInfraPlan,
  type SubmittedInfraPlan,
} from '../../change/infraPlan';
import { readPlan } from '../../change/summarizePlan';
import type { SubmitInput } from './SubmitInput';

/** A submission whose plans were validated, with its optional parts filled in. */
export type ParsedSubmission = {
  /** The entity's reference in its canonical form. */
  entityRef: string;
  /** The Terraform plan as sent (JSON) and as read. */
  plan?: ReturnType<typeof readPlan>;
  infraPlan?: SubmittedInfraPlan;
  files: NonNullable<SubmitInput['files']>;
  notes: SubmitInput['notes'];
  inputs: Record<string, unknown>;
};

/**
 * Reads what the submitter sent. A malformed plan, infrastructure plan or
 * entity reference is refused here, before anything is looked up or stored.
 * Infrastructure plans are validated as of the clock's date.
 */
export function parseSubmission(
  input: SubmitInput,
  clock: Pick<Clock, 'now'>,
): ParsedSubmission {
  const plan = input.plan !== undefined ? readPlan(input.plan) : undefined;
  const infraPlan = input.infraPlan
    ? readSubmittedInfraPlan(input.infraPlan, input.environment, clock.now())
    : undefined;
  return {
    entityRef: stringifyEntityRef(parseEntityRef(input.entityRef)),
    plan,
    infraPlan,
    files: input.files ?? [],
    notes: input.notes,
    inputs: input.inputs ?? {},
  };
}
