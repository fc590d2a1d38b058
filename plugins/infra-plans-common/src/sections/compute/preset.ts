/**
 * The compute of a preset environment: an EKS cluster on the newest
 * Kubernetes version in standard support and one general node group sized
 * for the tier (development t3.small ×2, staging t3.medium ×3, production
 * t3.large/t3.xlarge ×6).
 */
import type { Tier } from '../../schema';
import { supportCalendar } from '../../support/calendar';
import {
  isoDay,
  newestInStandardSupport,
  phaseOn,
} from '../../support/lifecycle';
import type { PresetContext } from '../shared/presetContext';
import type { ComputePlan } from './schema';

const NODE_GROUP_SIZING: Record<
  Tier,
  {
    instanceTypes: string[];
    nodes: { min: number; desired: number; max: number };
  }
> = {
  development: {
    instanceTypes: ['t3.small'],
    nodes: { min: 1, desired: 2, max: 3 },
  },
  staging: {
    instanceTypes: ['t3.medium'],
    nodes: { min: 2, desired: 3, max: 6 },
  },
  production: {
    instanceTypes: ['t3.large', 't3.xlarge'],
    nodes: { min: 3, desired: 6, max: 20 },
  },
};

/**
 * The newest Kubernetes version in EKS standard support on a day. When the
 * calendar has run out (nobody added the newer versions), the newest
 * released one: the preset still works and validation reports it.
 */
export function defaultKubernetesVersion(asOf: Date): string {
  const newest =
    newestInStandardSupport('eks', asOf) ??
    [...supportCalendar.eks]
      .reverse()
      .find(entry => phaseOn('eks', entry, asOf) !== 'unreleased');
  if (!newest) {
    throw new Error(
      `No Kubernetes version on the EKS support calendar is released on ${isoDay(
        asOf,
      )}`,
    );
  }
  return newest.version;
}

export function presetCompute(ctx: PresetContext): ComputePlan {
  const { tier } = ctx;
  const sizing = NODE_GROUP_SIZING[tier];
  return {
    cluster: {
      kubernetesVersion: ctx.kubernetesVersion,
      endpointAccess: tier === 'production' ? 'private' : 'public-and-private',
    },
    nodeGroups: [
      {
        name: 'general',
        instanceTypes: [...sizing.instanceTypes],
        capacityType: 'on-demand',
        minSize: sizing.nodes.min,
        desiredSize: sizing.nodes.desired,
        maxSize: sizing.nodes.max,
        diskSize: '50Gi',
        maxUnavailable: tier === 'development' ? 1 : '25%',
      },
    ],
  };
}
