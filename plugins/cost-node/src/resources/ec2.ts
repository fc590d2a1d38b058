import { HOURS_PER_MONTH } from '@gatehouse/plugin-cost-common';
import { internetEgressComponents } from './dataTransfer';
import { ebsVolumeComponents } from './ebs';
import {
  ComponentDraft,
  Pricer,
  PricerContext,
  UnpricedError,
  component,
  knownNumber,
  optionalString,
  requireString,
} from './pricer';

/** Root volume assumed when the AMI decides it (common Linux AMIs). */
const DEFAULT_ROOT_VOLUME = { sizeGb: 8, volumeType: 'gp3' };

/** The on-demand Linux instance-hours component of an EC2 instance type. */
export function instanceHoursComponent(
  context: PricerContext,
  instanceType: string,
  count: { value: number; low?: number; high?: number; reason?: string } = {
    value: 1,
  },
): ComponentDraft {
  const hasRange = count.low !== undefined && count.high !== undefined;
  return component(context, {
    name: `Instance usage (Linux, on-demand, ${instanceType})`,
    priceKey: `ec2:instance:${instanceType}`,
    unit: 'hours',
    monthlyQuantity: HOURS_PER_MONTH * count.value,
    ...(hasRange
      ? {
          quantityRange: {
            low: HOURS_PER_MONTH * count.low!,
            high: HOURS_PER_MONTH * count.high!,
          },
          rangeReason: count.reason,
        }
      : {}),
  });
}

function rootVolume(context: PricerContext): ComponentDraft[] {
  const size = knownNumber(context, ['root_block_device', 0, 'volume_size']);
  if (size === undefined) {
    context.note(
      `root volume size comes from the AMI; assumed ${DEFAULT_ROOT_VOLUME.sizeGb} GB ${DEFAULT_ROOT_VOLUME.volumeType}`,
    );
    return ebsVolumeComponents(context, {
      label: 'Root volume',
      ...DEFAULT_ROOT_VOLUME,
    });
  }
  return ebsVolumeComponents(context, {
    label: 'Root volume',
    sizeGb: size,
    volumeType: optionalString(
      context,
      ['root_block_device', 0, 'volume_type'],
      'gp3',
    ),
    iops: knownNumber(context, ['root_block_device', 0, 'iops']),
    throughputMbps: knownNumber(context, [
      'root_block_device',
      0,
      'throughput',
    ]),
  });
}

function extraVolumes(context: PricerContext): ComponentDraft[] {
  const components: ComponentDraft[] = [];
  const count = context.attributes.blockCount('ebs_block_device');
  for (let i = 0; i < count; i++) {
    const size = knownNumber(context, ['ebs_block_device', i, 'volume_size']);
    if (size === undefined) {
      context.note(
        `ebs_block_device[${i}].volume_size is unknown until apply; not priced`,
      );
      continue;
    }
    const device =
      optionalString(context, ['ebs_block_device', i, 'device_name']) ??
      `#${i}`;
    components.push(
      ...ebsVolumeComponents(context, {
        label: `Block device ${device}`,
        sizeGb: size,
        volumeType: optionalString(
          context,
          ['ebs_block_device', i, 'volume_type'],
          'gp2',
        ),
        iops: knownNumber(context, ['ebs_block_device', i, 'iops']),
        throughputMbps: knownNumber(context, [
          'ebs_block_device',
          i,
          'throughput',
        ]),
      }),
    );
  }
  return components;
}

/**
 * aws_instance: on-demand Linux instance hours, root and EBS block devices,
 * and optional internet egress from the usage file.
 */
export const priceEc2Instance: Pricer = context => {
  const instanceType = requireString(context, ['instance_type']);
  const tenancy = optionalString(context, ['tenancy']);
  if (tenancy === 'dedicated' || tenancy === 'host') {
    throw new UnpricedError(
      `${tenancy} tenancy is not priced (shared tenancy only)`,
    );
  }
  if (
    optionalString(context, ['instance_market_options', 0, 'market_type']) ===
    'spot'
  ) {
    context.note('spot instance priced at the on-demand price (upper bound)');
  }
  return [
    instanceHoursComponent(context, instanceType),
    ...rootVolume(context),
    ...extraVolumes(context),
    ...internetEgressComponents(context),
  ];
};
