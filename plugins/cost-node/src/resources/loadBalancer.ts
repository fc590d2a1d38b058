import { HOURS_PER_MONTH } from '@gatehouse/plugin-cost-common';
import { internetEgressComponents } from './dataTransfer';
import {
  Pricer,
  UnpricedError,
  component,
  optionalString,
  usageComponent,
} from './pricer';

const KINDS: Record<string, { label: string; unitName: string }> = {
  application: { label: 'Application Load Balancer', unitName: 'LCU' },
  network: { label: 'Network Load Balancer', unitName: 'NLCU' },
};

/**
 * aws_lb / aws_alb: the load balancer hour plus capacity units
 * (`average_lcus` per hour from the usage file, else the default range).
 */
export const priceLoadBalancer: Pricer = context => {
  const type = optionalString(context, ['load_balancer_type'], 'application');
  const kind = KINDS[type];
  if (!kind) {
    throw new UnpricedError(
      `load_balancer_type "${type}" is not priced (application and network only)`,
    );
  }
  const usage = context.usage.number('average_lcus');
  return [
    component(context, {
      name: kind.label,
      priceKey: `elb:${type}:hour`,
      unit: 'hours',
      monthlyQuantity: HOURS_PER_MONTH,
    }),
    usageComponent(context, {
      name: `Load balancer capacity units (${kind.unitName})`,
      priceKey:
        type === 'application' ? 'elb:application:lcu' : 'elb:network:nlcu',
      unit: `${kind.unitName}-hours`,
      usageUnit: `${kind.unitName}s per hour`,
      perUnit: HOURS_PER_MONTH,
      usage,
    }),
    ...internetEgressComponents(context),
  ];
};
