import { HOURS_PER_MONTH } from '@gatehouse/plugin-cost-common';
import { internetEgressComponents } from './dataTransfer';
import { Pricer, component, usageComponent } from './pricer';

/**
 * aws_nat_gateway: the gateway hour plus data processed
 * (`monthly_data_processed_gb`). Private NAT gateways cost the same.
 */
export const priceNatGateway: Pricer = context => [
  component(context, {
    name: 'NAT gateway',
    priceKey: 'vpc:nat:hour',
    unit: 'hours',
    monthlyQuantity: HOURS_PER_MONTH,
  }),
  usageComponent(context, {
    name: 'Data processed',
    priceKey: 'vpc:nat:data',
    unit: 'GB',
    usageUnit: 'GB',
    usage: context.usage.number('monthly_data_processed_gb'),
  }),
  ...internetEgressComponents(context),
];

/** aws_eip: public IPv4 addresses are billed per hour, attached or not. */
export const priceElasticIp: Pricer = context => [
  component(context, {
    name: 'Public IPv4 address',
    priceKey: 'vpc:public-ipv4:hour',
    unit: 'hours',
    monthlyQuantity: HOURS_PER_MONTH,
  }),
];
