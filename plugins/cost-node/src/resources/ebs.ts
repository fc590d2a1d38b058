import type { CostRange } from '@gatehouse/plugin-cost-common';
import {
  ComponentDraft,
  Pricer,
  PricerContext,
  component,
  knownNumber,
  optionalString,
  requireNumber,
} from './pricer';

/** gp3 includes this much performance in the storage price. */
const GP3_BASELINE_IOPS = 3000;
const GP3_BASELINE_THROUGHPUT_MBPS = 125;

/** io2 IOPS are priced in tiers by the IOPS of a volume. */
const IO2_TIERS = [
  { upTo: 32_000, key: 'ebs:io2:iops:tier1', label: 'up to 32,000' },
  { upTo: 64_000, key: 'ebs:io2:iops:tier2', label: '32,001 to 64,000' },
  { upTo: Infinity, key: 'ebs:io2:iops:tier3', label: 'above 64,000' },
];

export type EbsVolumeSpec = {
  /** Prefix of component names, e.g. "Root volume". */
  label: string;
  volumeType: string;
  sizeGb: number;
  iops?: number;
  throughputMbps?: number;
  /** Number of identical volumes (e.g. one per node of a node group). */
  count?: number;
  countRange?: CostRange;
  rangeReason?: string;
};

/**
 * Components of EBS volumes: storage, plus provisioned IOPS/throughput where
 * the volume type charges for them.
 */
export function ebsVolumeComponents(
  context: PricerContext,
  spec: EbsVolumeSpec,
): ComponentDraft[] {
  const count = spec.count ?? 1;
  const scaled = (perVolume: number) => ({
    monthlyQuantity: perVolume * count,
    ...(spec.countRange
      ? {
          quantityRange: {
            low: perVolume * spec.countRange.low,
            high: perVolume * spec.countRange.high,
          },
          rangeReason: spec.rangeReason,
        }
      : {}),
  });
  const type = spec.volumeType;
  const components = [
    component(context, {
      name: `${spec.label} storage (${type})`,
      priceKey: `ebs:${type}:storage`,
      unit: 'GB-months',
      ...scaled(spec.sizeGb),
    }),
  ];
  if (type === 'gp3') {
    const extraIops = Math.max(
      0,
      (spec.iops ?? GP3_BASELINE_IOPS) - GP3_BASELINE_IOPS,
    );
    if (extraIops > 0) {
      components.push(
        component(context, {
          name: `${spec.label} provisioned IOPS above 3,000 (gp3)`,
          priceKey: 'ebs:gp3:iops',
          unit: 'IOPS-months',
          ...scaled(extraIops),
        }),
      );
    }
    const extraThroughput = Math.max(
      0,
      (spec.throughputMbps ?? GP3_BASELINE_THROUGHPUT_MBPS) -
        GP3_BASELINE_THROUGHPUT_MBPS,
    );
    if (extraThroughput > 0) {
      components.push(
        component(context, {
          name: `${spec.label} provisioned throughput above 125 MB/s (gp3)`,
          priceKey: 'ebs:gp3:throughput',
          unit: 'MBps-months',
          ...scaled(extraThroughput),
        }),
      );
    }
  } else if (type === 'io1') {
    components.push(
      component(context, {
        name: `${spec.label} provisioned IOPS (io1)`,
        priceKey: 'ebs:io1:iops',
        unit: 'IOPS-months',
        ...scaled(spec.iops ?? 0),
      }),
    );
  } else if (type === 'io2') {
    let previousLimit = 0;
    const iops = spec.iops ?? 0;
    for (const tier of IO2_TIERS) {
      const inTier = Math.min(iops, tier.upTo) - previousLimit;
      if (inTier <= 0) break;
      components.push(
        component(context, {
          name: `${spec.label} provisioned IOPS ${tier.label} (io2)`,
          priceKey: tier.key,
          unit: 'IOPS-months',
          ...scaled(inTier),
        }),
      );
      previousLimit = tier.upTo;
    }
  }
  return components;
}

/**
 * aws_ebs_volume. `type` defaults to gp2 (the EC2 API default); io1/io2
 * need `iops`.
 */
export const priceEbsVolume: Pricer = context => {
  const volumeType = optionalString(context, ['type'], 'gp2');
  const spec: EbsVolumeSpec = {
    label: 'Volume',
    volumeType,
    sizeGb: requireNumber(context, ['size']),
    iops:
      volumeType === 'io1' || volumeType === 'io2'
        ? requireNumber(context, ['iops'])
        : knownNumber(context, ['iops']),
    throughputMbps: knownNumber(context, ['throughput']),
  };
  return ebsVolumeComponents(context, spec);
};
