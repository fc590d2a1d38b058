import type { Config } from '@backstage/config';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { dirname, resolve } from 'node:path';

export interface InfraPlansSettings {
  /** Local folders plan files may be read from. */
  allowedDirectories: string[];
  /** How long a plan read from its repository is trusted before reading it again. */
  refreshAfterMs: number;
}

/**
 * Local plan files may be read next to the catalog's own file locations and
 * in the local publisher's folder, plus any folder configured explicitly.
 */
export function readInfraPlansConfig(config: Config): InfraPlansSettings {
  const fromCatalog = (config.getOptionalConfigArray('catalog.locations') ?? [])
    .filter(location => location.getString('type') === 'file')
    .map(location => dirname(resolve(location.getString('target'))));
  const publisher = config.getOptionalString(
    'gatehouse.environments.localPublisher.directory',
  );
  const explicit =
    config.getOptionalStringArray('gatehouse.infraPlans.allowedDirectories') ??
    [];
  const refreshAfter = config.has('gatehouse.infraPlans.refreshAfter')
    ? readDurationFromConfig(config, {
        key: 'gatehouse.infraPlans.refreshAfter',
      })
    : { seconds: 30 };
  return {
    allowedDirectories: [
      ...new Set(
        [...fromCatalog, ...(publisher ? [publisher] : []), ...explicit].map(
          dir => resolve(dir),
        ),
      ),
    ],
    refreshAfterMs: durationToMilliseconds(refreshAfter),
  };
}
