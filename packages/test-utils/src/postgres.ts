const VARIABLE = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/**
 * The PostgreSQL 15 server storage tests use. `./gatehouse test` (and so CI)
 * starts one from Debian's packages; in CI a missing server is an error, never
 * a silently skipped half of the storage tests.
 */
export function postgresConnectionString(): string | undefined {
  const value = process.env[VARIABLE];
  if (!value && process.env.CI) {
    throw new Error(
      `${VARIABLE} is not set: storage tests must run on PostgreSQL 15 as well as SQLite. ` +
        'Run them through ./gatehouse test, which starts a server.',
    );
  }
  return value;
}
