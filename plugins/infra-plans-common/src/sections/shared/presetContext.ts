import type { DeliveryStrategy, Tier } from '../../schema';

/**
 * What every section's preset builder gets: the tier and the caller's
 * choices, with defaults already applied (by `presetFor`), so each section
 * only decides its own contents.
 */
export interface PresetContext {
  tier: Tier;
  region: string;
  /** A VPC block the network preset can carve into subnets (/16 to /20). */
  vpcCidr: string;
  /** Where production backups and bucket replicas go. */
  drRegion: string;
  kubernetesVersion: string;
  /** The main workload; image and host as the caller gave them. */
  workload: { name: string; port: number; image?: string; host?: string };
  /** The data stores wanted. */
  database: boolean;
  cache: boolean;
  objectStorage: boolean;
  delivery: DeliveryStrategy;
}
