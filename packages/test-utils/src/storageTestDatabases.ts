import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { postgresConnectionString } from './postgres';

/** Every store runs on the embedded default and on the production database. */
export const STORAGE_TEST_DATABASE_IDS: TestDatabaseId[] = [
  'SQLITE_3',
  'POSTGRES_15',
];

/**
 * TestDatabases for SQLite and PostgreSQL 15. Call at the top of a describe
 * block; use `databases.eachSupportedId()` with `it.each`. Throws in CI when
 * PostgreSQL is not configured, where TestDatabases alone would skip it.
 */
export function storageTestDatabases(): TestDatabases {
  postgresConnectionString();
  return TestDatabases.create({ ids: STORAGE_TEST_DATABASE_IDS });
}
