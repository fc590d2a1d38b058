/**
 * The Gatehouse infrastructure plan model: the `infra-plan.yaml` schema,
 * parsing and validation with located messages, generated review documents,
 * a semantic diff between revisions and tier presets.
 *
 * Isomorphic: used by the browser frontend and the Node backend.
 *
 * @packageDocumentation
 */

export * from './schema';
export * from './units';
export * from './cidr';
export type { IssueSeverity, PathSegment, PlanIssue } from './issues';
export { formatPath } from './issues';
export * from './tiers';
export { instanceShape, allocatable } from './instanceTypes';
export type { InstanceShape } from './instanceTypes';
export { validatePlan } from './validate';
export type { ValidationOptions, ValidationResult } from './validate';
export * from './support/calendar';
export {
  calendarEntry,
  extendedSupportStarts,
  isoDay,
  newestInStandardSupport,
  phaseOn,
  supportStatus,
} from './support/lifecycle';
export type { SupportPhase, SupportStatus } from './support/lifecycle';
export * from './catalogue/knownTypes';
export { parsePlan } from './parse';
export {
  ENVIRONMENT_PARTS,
  environmentOfPlan,
  environmentPartNames,
} from './environmentParts';
export type { EnvironmentPartKind } from './environmentParts';
export * from './environmentRepository';
export * from './changeAnnotations';
export { diffPlans } from './diff';
export type { PlanChange } from './diff';
export { presetEnvironmentPlan, presetFor, presetPlan } from './presets';
export type {
  PresetEnvironmentPlanOptions,
  PresetOptions,
  PresetPlanOptions,
} from './presets';
export * from './documents';
export { VALIDATION_RULES } from './validationRules';
export type { ValidationRule } from './validationRules';
export * from './api';
export * from './permissions';
export { InfraPlansClient } from './client';
export type {
  EntityName,
  InfraPlansApi,
  InfraPlansClientOptions,
} from './client';
