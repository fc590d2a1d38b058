import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
  locationSpecToLocationEntity,
} from '@backstage/plugin-catalog-node';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** The events topic the local publisher announces new commits on. */
export const LOCAL_REPOSITORY_PUBLISHED_TOPIC =
  'gatehouse.local-repositories.published';

/**
 * Puts every repository of the local publisher's folder in the catalog: one
 * file Location per `<repository>/catalog-info.yaml`. A provider rather than
 * locations registered through the API, so the catalog need not accept file
 * locations from users (which could point anywhere on the backend's disk).
 */
export class LocalRepositoriesProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly directory: string,
    private readonly logger: LoggerService,
  ) {}

  getProviderName() {
    return 'gatehouse-local-repositories';
  }

  async connect(connection: EntityProviderConnection) {
    this.connection = connection;
  }

  /** Reads the folder again and replaces what this provider put in the catalog. */
  async refresh() {
    if (!this.connection) return;
    const root = resolve(this.directory);
    const entries = existsSync(root)
      ? await readdir(root, { withFileTypes: true })
      : [];
    const targets = entries
      .filter(entry => entry.isDirectory())
      .map(entry => join(root, entry.name, 'catalog-info.yaml'))
      .filter(target => existsSync(target))
      .sort();
    await this.connection.applyMutation({
      type: 'full',
      entities: targets.map(target => ({
        locationKey: `gatehouse-local-repositories:${target}`,
        entity: locationSpecToLocationEntity({
          location: { type: 'file', target },
        }),
      })),
    });
    this.logger.info(
      `${targets.length} local repositories in the catalog from ${root}`,
    );
  }
}
