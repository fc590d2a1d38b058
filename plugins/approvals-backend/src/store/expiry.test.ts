import { storageTestDatabases } from '@gatehouse/test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import { DatabaseApprovalsStore } from './DatabaseApprovalsStore';
import { revision } from '../__testUtils__/revisionFixture';

jest.setTimeout(60_000);

const databases = storageTestDatabases();

describe.each(databases.eachSupportedId())(
  'request expiry on %s',
  databaseId => {
    it('expires pending requests past their time once, with an audit record, and leaves the rest', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseApprovalsStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
      const past = new Date(Date.now() - 60_000).toISOString();
      const future = new Date(Date.now() + 3_600_000).toISOString();
      const submitted = {
        action: 'submitted' as const,
        actor: 'user:default/bob',
        revision: 0,
        contentHash: 'h',
        comment: null,
        statusAfter: 'pending' as const,
      };
      await store.saveRevision(revision('a1', past), [submitted]);
      await store.saveRevision(revision('b2', future), [submitted]);
      await store.saveRevision(revision('c3', past, 'approved'), [
        { ...submitted, statusAfter: 'approved' },
      ]);

      const expired = await store.expireDue(new Date());
      expect(expired.map(r => r.id)).toEqual(['a1']);
      expect((await store.getRequest('a1'))?.status).toBe('expired');
      expect((await store.getRequest('b2'))?.status).toBe('pending');
      expect((await store.getRequest('c3'))?.status).toBe('approved');
      expect(
        (await store.listAudit('a1')).map(a => [
          a.action,
          a.actor,
          a.statusAfter,
        ]),
      ).toEqual([
        ['submitted', 'user:default/bob', 'pending'],
        ['expired', 'policy', 'expired'],
      ]);
      // Nothing is waiting for anyone any more, and a second run changes nothing.
      const waiting = await store.list({
        view: 'waiting',
        viewer: {
          ref: 'user:default/frank',
          groups: ['group:default/team-agents'],
        },
        limit: 10,
        offset: 0,
      });
      expect(waiting.items.map(r => r.id)).toEqual(['b2']);
      expect(await store.expireDue(new Date())).toEqual([]);
    });
  },
);
