import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { storageTestDatabases } from '@gatehouse/test-utils';

jest.setTimeout(60_000);

const databases = storageTestDatabases();
const directory = resolvePackagePath(
  '@gatehouse/plugin-approvals-backend',
  'migrations',
);

describe.each(databases.eachSupportedId())('migrations on %s', databaseId => {
  it('step up to the latest and all the way down again, twice', async () => {
    const knex = await databases.init(databaseId);
    for (let round = 0; round < 2; round++) {
      await knex.migrate.latest({ directory });
      expect(
        await knex.schema.hasColumn('approval_revisions', 'infra_plan'),
      ).toBe(true);
      expect(await knex.schema.hasTable('approval_status_counts')).toBe(true);
      expect(await knex.schema.hasColumn('approval_requests', 'tier')).toBe(
        true,
      );
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('approval_requests')).toBe(false);
    }
  });
});
