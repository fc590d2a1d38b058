import type { PlanResourceChange } from '../terraform/parseTerraformPlan';
import { AttributePath, ResourceAttributes } from './attributes';
import {
  PricerContext,
  UnpricedError,
  optionalString,
  requireString,
} from './pricer';

/** Attributes of the resource on the side being priced. */
function attributesOnSide(
  target: PlanResourceChange,
  side: 'before' | 'after',
): ResourceAttributes {
  if (side === 'after' && target.after) {
    return new ResourceAttributes(target.after, target.afterUnknown);
  }
  return new ResourceAttributes(
    side === 'before' ? target.before ?? target.after : target.before,
  );
}

function instanceTypeOf(
  context: PricerContext,
  target: PlanResourceChange,
): string {
  return requireString(
    { ...context, attributes: attributesOnSide(target, context.side) },
    ['instance_type'],
  );
}

type LaunchTemplateBlock = {
  /** Where the block is in the resource's attributes (and configuration). */
  path: AttributePath;
  idAttribute: string;
  nameAttribute: string;
};

/**
 * The instance type of the launch template a block points to, e.g.
 * `launch_template { id = aws_launch_template.web.id }`. The template is
 * found by its known name or id, else by following the configuration
 * reference (its id is unknown when it is created in the same plan).
 */
export function launchTemplateInstanceType(
  context: PricerContext,
  block: LaunchTemplateBlock,
): string {
  const { plan, resource } = context;
  const type = 'aws_launch_template';
  const name = optionalString(context, [...block.path, block.nameAttribute]);
  const id = optionalString(context, [...block.path, block.idAttribute]);
  const target =
    (name ? plan.findByAttribute(type, 'name', name) : undefined) ??
    (id ? plan.findByAttribute(type, 'id', id) : undefined) ??
    plan.resolveReference(resource, [...block.path, block.idAttribute], type) ??
    plan.resolveReference(resource, [...block.path, block.nameAttribute], type);
  if (!target) {
    throw new UnpricedError(
      `launch template ${
        name ?? id ?? '(unknown until apply)'
      } is not in this plan, so its instance type is unknown`,
    );
  }
  try {
    return instanceTypeOf(context, target);
  } catch (error) {
    if (error instanceof UnpricedError) {
      throw new UnpricedError(
        `launch template ${target.address}: ${error.message}`,
      );
    }
    throw error;
  }
}

/** The instance type of a launch configuration referenced by name. */
export function launchConfigurationInstanceType(
  context: PricerContext,
): string {
  const { plan, resource } = context;
  const type = 'aws_launch_configuration';
  const name = optionalString(context, ['launch_configuration']);
  const target =
    (name ? plan.findByAttribute(type, 'name', name) : undefined) ??
    plan.resolveReference(resource, ['launch_configuration'], type);
  if (!target) {
    throw new UnpricedError(
      `launch configuration ${
        name ?? '(unknown until apply)'
      } is not in this plan, so its instance type is unknown`,
    );
  }
  return instanceTypeOf(context, target);
}
