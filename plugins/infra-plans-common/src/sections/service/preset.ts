/** The metadata of a preset plan: its first revision. */
import type { InfraPlan } from '../../schema';

export function presetMetadata(options: {
  service: string;
  owner: string;
  system?: string;
}): InfraPlan['metadata'] {
  const { service, owner, system } = options;
  return { service, owner, ...(system ? { system } : {}), revision: 1 };
}
