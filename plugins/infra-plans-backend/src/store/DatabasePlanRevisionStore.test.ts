import { TestDatabases } from '@backstage/backend-test-utils';
import { storageTestDatabases } from '@gatehouse/test-utils';
import { DatabasePlanRevisionStore } from './DatabasePlanRevisionStore';
import type { NewPlanRevision } from './PlanRevisionStore';

jest.setTimeout(60_000);

const databases: TestDatabases = storageTestDatabases();

const REF = 'component:default/orchestrator-api';
const revision = (over: Partial<NewPlanRevision> = {}): NewPlanRevision => ({
  entityRef: REF,
  contentHash: 'a'.repeat(64),
  source: 'repository',
  yaml: 'apiVersion: gatehouse.io/v1alpha1\n',
  valid: true,
  errorCount: 0,
  warningCount: 2,
  ...over,
});

async function storeOn(databaseId: Parameters<TestDatabases['init']>[0]) {
  const knex = await databases.init(databaseId);
  return DatabasePlanRevisionStore.create({
    database: { getClient: async () => knex, migrations: { skip: false } },
  });
}

describe.each(databases.eachSupportedId())(
  'DatabasePlanRevisionStore on %s',
  databaseId => {
    it('numbers revisions per entity and keeps every field', async () => {
      const store = await storeOn(databaseId);
      const first = await store.append(revision());
      const second = await store.append(
        revision({
          contentHash: 'b'.repeat(64),
          source: 'editor',
          author: 'user:default/bob',
          message: 'bigger nodes',
          valid: false,
          errorCount: 1,
        }),
      );
      const other = await store.append(
        revision({ entityRef: 'component:default/task-runner' }),
      );
      expect([first.revision.revision, second.revision.revision]).toEqual([
        1, 2,
      ]);
      expect(other.revision.revision).toBe(1);

      const latest = await store.latest(REF);
      expect(latest).toMatchObject({
        revision: 2,
        source: 'editor',
        author: 'user:default/bob',
        message: 'bigger nodes',
        valid: false,
        errorCount: 1,
        warningCount: 2,
        yaml: 'apiVersion: gatehouse.io/v1alpha1\n',
      });
      expect(Date.parse(latest!.createdAt)).toBeGreaterThan(
        Date.now() - 60_000,
      );
      expect((await store.list(REF)).map(r => r.revision)).toEqual([2, 1]);
      expect(await store.count(REF)).toBe(2);
      expect(await store.get(REF, 1)).toMatchObject({ source: 'repository' });
      expect(await store.get(REF, 3)).toBeUndefined();
    });

    it('does not add a repository revision when the repository text has not changed', async () => {
      const store = await storeOn(databaseId);
      const once = await store.append(revision(), {
        unlessLatestHashOf: 'repository',
      });
      // An editor revision in between does not make the unchanged file new again.
      await store.append(
        revision({ source: 'editor', contentHash: 'c'.repeat(64) }),
      );
      const again = await store.append(revision(), {
        unlessLatestHashOf: 'repository',
      });
      expect(once.created).toBe(true);
      expect(again.created).toBe(false);
      expect(again.revision.revision).toBe(1);
      const changed = await store.append(
        revision({ contentHash: 'd'.repeat(64) }),
        {
          unlessLatestHashOf: 'repository',
        },
      );
      expect(changed).toMatchObject({
        created: true,
        revision: { revision: 3 },
      });
    });

    it('gives concurrent saves distinct, gapless numbers', async () => {
      const store = await storeOn(databaseId);
      const saved = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.append(revision({ contentHash: String(i).padStart(64, '0') })),
        ),
      );
      const numbers = saved.map(s => s.revision.revision).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(await store.count(REF)).toBe(12);
    });
  },
);
