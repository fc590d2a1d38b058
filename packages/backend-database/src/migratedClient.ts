import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/**
 * The plugin's database client with its migrations applied, unless the
 * deployment runs migrations itself (`backend.database.skipMigrations`) or
 * the caller knows they ran (`skip`, e.g. a second store on one database).
 */
export async function migratedClient(
  database: DatabaseService,
  migrationsDirectory: string,
  options: { skip?: boolean } = {},
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip && !options.skip) {
    await client.migrate.latest({ directory: migrationsDirectory });
  }
  return client;
}
