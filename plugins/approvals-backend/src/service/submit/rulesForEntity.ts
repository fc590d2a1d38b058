import type { Entity } from '@backstage/catalog-model';
import {
  POLICY_ANNOTATION,
  type PolicyRule,
  rulesFromAnnotation,
} from '../../policy/rules';

/**
 * The configured rules, plus the entity's own (annotation), which can only
 * add requirements; bad rules are a 400.
 */
export function rulesForEntity(
  configured: PolicyRule[],
  entity: Entity,
  entityRef: string,
): PolicyRule[] {
  const annotation = entity.metadata.annotations?.[POLICY_ANNOTATION];
  return annotation
    ? [...configured, ...rulesFromAnnotation(annotation, entityRef)]
    : configured;
}
