import { instanceHoursComponent } from './ec2';
import {
  launchConfigurationInstanceType,
  launchTemplateInstanceType,
} from './launchTemplates';
import {
  Pricer,
  PricerContext,
  UnpricedError,
  knownNumber,
  optionalString,
  requireNumber,
} from './pricer';

function asgInstanceType(context: PricerContext): string {
  const { attributes } = context;
  if (attributes.blockCount('mixed_instances_policy') > 0) {
    // The first override is the preferred instance type.
    const override = optionalString(context, [
      'mixed_instances_policy',
      0,
      'launch_template',
      0,
      'override',
      0,
      'instance_type',
    ]);
    if (override) return override;
    return launchTemplateInstanceType(context, {
      path: [
        'mixed_instances_policy',
        0,
        'launch_template',
        0,
        'launch_template_specification',
        0,
      ],
      idAttribute: 'launch_template_id',
      nameAttribute: 'launch_template_name',
    });
  }
  if (attributes.blockCount('launch_template') > 0) {
    return launchTemplateInstanceType(context, {
      path: ['launch_template', 0],
      idAttribute: 'id',
      nameAttribute: 'name',
    });
  }
  if (attributes.lookup(['launch_configuration']).state !== 'absent') {
    return launchConfigurationInstanceType(context);
  }
  throw new UnpricedError(
    'no launch template or launch configuration, so the instance type is unknown',
  );
}

/**
 * Instance count of a scaling group: `instances` from the usage file, else
 * the desired count (defaulting to min), with a min–max range.
 */
export function scalingCount(
  context: PricerContext,
  counts: { desired: number | undefined; min: number; max: number },
  what: string,
) {
  const fromUsage = context.usage.get('instances');
  if (typeof fromUsage === 'number') {
    return { value: fromUsage };
  }
  return {
    value: counts.desired ?? counts.min,
    low: counts.min,
    high: counts.max,
    reason: `${what} scales between ${counts.min} and ${counts.max} instances`,
  };
}

/**
 * aws_autoscaling_group: instance type from its launch template, launch
 * configuration or mixed-instances policy, × desired capacity (min when not
 * set), with a min_size–max_size range. Volumes of the template are not
 * priced.
 */
export const priceAutoscalingGroup: Pricer = context => {
  const instanceType = asgInstanceType(context);
  const count = scalingCount(
    context,
    {
      desired: knownNumber(context, ['desired_capacity']),
      min: requireNumber(context, ['min_size']),
      max: requireNumber(context, ['max_size']),
    },
    'autoscaling group',
  );
  return [instanceHoursComponent(context, instanceType, count)];
};
