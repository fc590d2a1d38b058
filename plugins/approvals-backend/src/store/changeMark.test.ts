import { storageTestDatabases } from '@gatehouse/test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import { DatabaseApprovalsStore } from './DatabaseApprovalsStore';
import { revision } from '../__testUtils__/revisionFixture';

jest.setTimeout(60_000);

const databases = storageTestDatabases();

const submitted = {
  action: 'submitted' as const,
  actor: 'user:default/bob',
  revision: 0,
  contentHash: 'h',
  comment: null,
  statusAfter: 'pending' as const,
};

describe.each(databases.eachSupportedId())(
  'the change mark on %s',
  databaseId => {
    it('moves with every kind of change, and only then', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseApprovalsStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
      const marks: number[] = [await store.changeMark()];
      const step = async () => {
        marks.push(await store.changeMark());
      };

      const past = new Date(Date.now() - 60_000).toISOString();
      await store.saveRevision(revision('a1', past), [submitted]);
      await step();
      await store.saveRevision(
        revision('b2', new Date(Date.now() + 3_600_000).toISOString()),
        [submitted],
      );
      await step();
      const b2 = (await store.getRequest('b2'))!;
      await store.recordDecision(
        {
          requestId: 'b2',
          revisionHash: b2.contentHash,
          approver: 'user:default/frank',
          decision: 'approve',
          comment: '',
          groups: ['group:default/team-agents'],
        },
        () => ({
          status: 'approved',
          policySummary: '1 of 1',
          eligibleGroups: [],
        }),
      );
      await step();
      await store.expireDue(new Date());
      await step();
      await store.recordFollowUp(
        'b2',
        {
          templateRef: 'template:default/publish-environment',
          values: {},
          taskId: 't1',
        },
        {
          action: 'follow-up-started',
          actor: 'policy',
          revision: 1,
          contentHash: b2.contentHash,
          comment: null,
          statusAfter: 'approved',
        },
      );
      await step();
      // Reads and a run with nothing to expire change nothing.
      await store.list({
        view: 'all',
        viewer: { ref: 'user:default/frank', groups: [] },
        limit: 10,
        offset: 0,
      });
      await store.expireDue(new Date());
      await step();

      const moves = marks.slice(1).map((mark, i) => mark - marks[i]);
      expect(moves).toEqual([1, 1, 1, 1, 1, 0]);
    });

    it('is seen by a second store on the same database (another replica)', async () => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({
        knex,
        migrations: { skip: false },
      });
      const first = await DatabaseApprovalsStore.create({ database });
      const second = await DatabaseApprovalsStore.create({ database });
      const before = await second.changeMark();
      await first.saveRevision(
        revision('c3', new Date(Date.now() + 60_000).toISOString()),
        [submitted],
      );
      expect(await second.changeMark()).toBe(before + 1);
    });
  },
);
