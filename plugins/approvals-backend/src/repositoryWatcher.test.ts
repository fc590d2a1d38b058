import type { Entity } from '@backstage/catalog-model';
import { storageTestDatabases } from '@gatehouse/test-utils';
import { GitServer, startGitServer } from '@gatehouse/test-utils/gitServer';
import { withChangeTrailers } from '@gatehouse/plugin-infra-plans-common';
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ENTITIES,
  filesOnlyChange,
  startApprovalsBackend,
} from './__testUtils__/harness';

jest.setTimeout(180_000);

const databases = storageTestDatabases();
const SECRET = 'webhook-secret';
const STAGING = 'resource:default/orchestrator-api-staging';

/** The example catalog, with orchestrator-api's staging repository on the git server. */
function entitiesWithRepository(cloneUrl: string): Entity[] {
  return ENTITIES.map(entity =>
    entity.metadata.name === 'orchestrator-api-staging'
      ? {
          ...entity,
          metadata: {
            ...entity.metadata,
            annotations: {
              ...entity.metadata.annotations,
              'gatehouse.io/repository': `git:${cloneUrl}`,
              'gatehouse.io/repository-branch': 'main',
            },
          },
        }
      : entity,
  );
}

/*
 * The repository watcher against a real git server on loopback (git
 * http-backend behind nginx): pushes and merges made with the git CLI,
 * read by the backend with isomorphic-git when a webhook says so.
 */
describe.each(databases.eachSupportedId())(
  'following environment repositories on %s',
  databaseId => {
    let server: GitServer;
    let h: Awaited<ReturnType<typeof startApprovalsBackend>>;
    let repoUrl: string;

    beforeAll(async () => {
      server = await startGitServer();
      const repository = await server.createRepository(
        'orchestrator-api-staging',
        {
          initialFiles: {
            'k8s/deployment.yaml': 'replicas: 3\n',
            'README.md': 'staging\n',
          },
          message:
            'The staging environment, as published before Gatehouse watched',
        },
      );
      repoUrl = repository.url;
      h = await startApprovalsBackend({
        knex: await databases.init(databaseId),
        entities: entitiesWithRepository(repoUrl),
        config: {
          gatehouse: {
            delivery: {
              // Only webhooks trigger reads here: the schedule is far off.
              pollInterval: { hours: 24 },
              cacheDirectory: mkdtempSync(join(tmpdir(), 'delivery-cache-')),
              webhooks: { git: { secret: SECRET }, github: { secret: SECRET } },
            },
          },
        },
      });
    });
    afterAll(async () => {
      await h?.backend.stop();
      await server?.stop();
    });

    /** A plain git server's post-receive hook, as docs/production.md shows it. */
    const pushed = () =>
      h
        .request()
        .post('/api/approvals/delivery/webhooks/git')
        .set('x-gatehouse-webhook-token', SECRET)
        .send({ url: repoUrl });

    async function approved() {
      const submitted = (
        await h
          .request()
          .post('/api/approvals/requests')
          .set(h.as('user:default/bob'))
          .send(filesOnlyChange('staging'))
      ).body;
      const decided = await h
        .request()
        .post(`/api/approvals/requests/${submitted.id}/decisions`)
        .set(h.as('user:default/alice'))
        .send({ decision: 'approve', revisionHash: submitted.contentHash });
      expect(decided.body.status).toBe('approved');
      return submitted as { id: string; contentHash: string };
    }

    const delivery = async (id: string) =>
      (
        await h
          .request()
          .get(`/api/approvals/requests/${id}`)
          .set(h.as('user:default/bob'))
      ).body.delivery;

    const unapproved = async () =>
      (
        await h
          .request()
          .get('/api/approvals/delivery/unapproved')
          .query({ entityRef: 'component:default/orchestrator-api' })
          .set(h.as('user:default/dave'))
      ).body;

    it('takes what is on the branch at first as its baseline, raising nothing', async () => {
      const first = await pushed();
      expect(first.status).toBe(202);
      expect(first.body.checked).toEqual([`git:${repoUrl}#main`]);
      expect((await unapproved()).total).toBe(0);
    });

    it('moves an approved change to merged when its branch is merged into main, not before', async () => {
      const request = await approved();
      const branchCommit = await server.commit('orchestrator-api-staging', {
        branch: 'gatehouse/change-1',
        files: { 'k8s/deployment.yaml': 'replicas: 5\n' },
        message: withChangeTrailers('Raise API replicas in staging', {
          requestId: request.id,
          contentHash: request.contentHash,
        }),
      });
      await pushed();
      expect(await delivery(request.id)).toBeNull();

      await server.merge('orchestrator-api-staging', {
        from: 'gatehouse/change-1',
        into: 'main',
      });
      await pushed();
      const merged = await delivery(request.id);
      expect(merged).toMatchObject({
        state: 'merged',
        events: [
          {
            step: 'merged',
            actor: 'gatehouse:repository-watcher',
            commit: branchCommit,
            contentHash: request.contentHash,
          },
        ],
      });
      // The merge commit itself is not an unapproved change.
      expect((await unapproved()).total).toBe(0);
    });

    it('reads a squash merge by the trailers its message keeps', async () => {
      const request = await approved();
      await server.commit('orchestrator-api-staging', {
        branch: 'gatehouse/change-2',
        files: { 'k8s/deployment.yaml': 'replicas: 6\n' },
        message: withChangeTrailers('Six replicas', {
          requestId: request.id,
          contentHash: request.contentHash,
        }),
      });
      const head = await server.merge('orchestrator-api-staging', {
        from: 'gatehouse/change-2',
        into: 'main',
        squash: true,
      });
      await pushed();
      expect(await delivery(request.id)).toMatchObject({
        state: 'merged',
        events: [{ commit: head }],
      });
    });

    it('raises an unapproved change for a commit with no trailer, or naming a request that is not approved, and tells owners and platform approvers', async () => {
      const direct = await server.commit('orchestrator-api-staging', {
        branch: 'main',
        files: { 'k8s/deployment.yaml': 'replicas: 9\n' },
        message: 'Hotfix: nine replicas',
        author: { name: 'Mallory', email: 'mallory@example.com' },
      });
      const pending = (
        await h
          .request()
          .post('/api/approvals/requests')
          .set(h.as('user:default/bob'))
          .send(filesOnlyChange('staging'))
      ).body;
      const claimed = await server.commit('orchestrator-api-staging', {
        branch: 'main',
        files: { 'README.md': 'staging, claimed\n' },
        message: withChangeTrailers('Claims a pending request', {
          requestId: pending.id,
          contentHash: pending.contentHash,
        }),
      });
      await pushed();
      // Read again: each commit is reported once.
      await pushed();

      const page = await unapproved();
      expect(page.total).toBe(2);
      expect(
        page.items.map((c: any) => [c.commit, c.entityRef, c.reason, c.author]),
      ).toEqual(
        expect.arrayContaining([
          [
            direct,
            STAGING,
            'it carries no Gatehouse-Change trailer',
            'Mallory <mallory@example.com>',
          ],
          [
            claimed,
            STAGING,
            `change request ${pending.id} is pending, not approved`,
            expect.any(String),
          ],
        ]),
      );
      const alert = h.recorded.notifications.find(
        n => n.payload.scope === `unapproved-change:${STAGING}:${direct}`,
      );
      expect(alert).toMatchObject({
        recipients: {
          type: 'entity',
          entityRef: [
            'group:default/team-agents',
            'group:default/platform-approvers',
          ],
        },
        payload: {
          title: `Unapproved change on ${STAGING}`,
          severity: 'critical',
          link: '/catalog/default/component/orchestrator-api/changes',
        },
      });
      expect(alert.payload.description).toContain('Hotfix: nine replicas');
    });

    it('accepts a GitHub push event signed with the secret and refuses a bad signature or an unconfigured forge', async () => {
      const body = JSON.stringify({ repository: { clone_url: repoUrl } });
      const signature = `sha256=${createHmac('sha256', SECRET)
        .update(body)
        .digest('hex')}`;
      const signed = await h
        .request()
        .post('/api/approvals/delivery/webhooks/github')
        .set('content-type', 'application/json')
        .set('x-hub-signature-256', signature)
        .send(body);
      expect(signed.status).toBe(202);
      expect(signed.body.checked).toEqual([`git:${repoUrl}#main`]);

      const forged = await h
        .request()
        .post('/api/approvals/delivery/webhooks/github')
        .set('content-type', 'application/json')
        .set('x-hub-signature-256', `sha256=${'0'.repeat(64)}`)
        .send(body);
      expect(forged.status).toBe(401);
      expect(forged.body.error.message).toBe(
        "The github webhook's signature does not match the configured secret",
      );
      const gitlab = await h
        .request()
        .post('/api/approvals/delivery/webhooks/gitlab')
        .set('x-gitlab-token', SECRET)
        .send({ project: { git_http_url: repoUrl } });
      expect(gitlab.status).toBe(401);
      expect(gitlab.body.error.message).toContain(
        'gatehouse.delivery.webhooks.gitlab.secret',
      );
      const unknown = await h
        .request()
        .post('/api/approvals/delivery/webhooks/svn')
        .send({});
      expect(unknown.status).toBe(401);
    });
  },
);
