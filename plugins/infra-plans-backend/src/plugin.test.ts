import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { infraPlansPlugin } from './plugin';
import { withTestClock } from '@gatehouse/test-utils';

jest.setTimeout(60_000);

const examplePlan = readFileSync(
  resolve(
    __dirname,
    '../../../examples/plans/orchestrator-api/infra-plan.yaml',
  ),
  'utf8',
);

function serviceAt(name: string, catalogFile: string, annotation: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${catalogFile}`,
        'gatehouse.io/infra-plan': annotation,
      },
    },
    spec: { type: 'service', owner: 'team-agents', lifecycle: 'production' },
  };
}

async function start(options: { deny?: boolean } = {}) {
  const repo = mkdtempSync(join(tmpdir(), 'infra-plans-repo-'));
  const catalogFile = join(repo, 'catalog-info.yaml');
  writeFileSync(join(repo, 'infra-plan.yaml'), examplePlan);
  const outside = mkdtempSync(join(tmpdir(), 'infra-plans-outside-'));
  writeFileSync(join(outside, 'infra-plan.yaml'), examplePlan);
  const backend = await startTestBackend({
    features: [
      infraPlansPlugin,
      catalogServiceMock.factory({
        entities: [
          serviceAt('orchestrator-api', catalogFile, './infra-plan.yaml'),
          serviceAt(
            'sneaky',
            catalogFile,
            `file:${join(outside, 'infra-plan.yaml')}`,
          ),
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'no-plan', namespace: 'default' },
            spec: {
              type: 'service',
              owner: 'team-agents',
              lifecycle: 'production',
            },
          },
        ],
      }),
      mockServices.rootConfig.factory({
        data: withTestClock({
          catalog: { locations: [{ type: 'file', target: catalogFile }] },
          // Read the repository file again on every request.
          gatehouse: { infraPlans: { refreshAfter: { milliseconds: 0 } } },
        }),
      }),
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
  return { server: backend.server, repo, stop: () => backend.stop() };
}

const PLAN = '/api/infra-plans/entities/component/default/orchestrator-api';

describe('the infra-plans backend over HTTP', () => {
  it('reads the plan the annotation points at, and a changed file becomes a new revision with a semantic diff', async () => {
    const { server, repo, stop } = await start();
    try {
      const first = await request(server).get(`${PLAN}/plan`);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        entityRef: 'component:default/orchestrator-api',
        source: {
          annotation: './infra-plan.yaml',
          location: `file:${join(repo, 'infra-plan.yaml')}`,
        },
        revisionCount: 1,
        latest: {
          revision: 1,
          source: 'repository',
          valid: true,
          errorCount: 0,
        },
      });
      expect(first.body.latest.plan.metadata.service).toBe('orchestrator-api');

      // Reading an unchanged file again adds nothing.
      await request(server).get(`${PLAN}/plan`).expect(200);
      expect(
        (await request(server).get(`${PLAN}/revisions`)).body.items,
      ).toHaveLength(1);

      writeFileSync(
        join(repo, 'infra-plan.yaml'),
        examplePlan.replace(
          'desiredSize: 6\n            maxSize: 20',
          'desiredSize: 6\n            maxSize: 40',
        ),
      );
      const second = await request(server).get(`${PLAN}/plan`);
      expect(second.body).toMatchObject({
        revisionCount: 2,
        latest: { revision: 2 },
      });

      const diff = await request(server).get(`${PLAN}/diff?from=1`);
      expect(diff.status).toBe(200);
      expect(diff.body).toMatchObject({ from: 1, to: 2 });
      expect(diff.body.changes).toEqual([
        expect.objectContaining({
          kind: 'changed',
          environment: 'production',
          before: 20,
          after: 40,
          summary: expect.stringContaining('20 → 40'),
        }),
      ]);
    } finally {
      await stop();
    }
  });

  it('validates plan text with located issues, including the reference network section', async () => {
    const { server, stop } = await start();
    try {
      const broken = examplePlan.replace(
        'cidr: 10.10.1.0/24',
        'cidr: 10.0.300.0/24',
      );
      const answer = await request(server)
        .post('/api/infra-plans/validate')
        .send({ yaml: broken });
      expect(answer.status).toBe(200);
      expect(answer.body.valid).toBe(false);
      const issue = answer.body.issues.find((i: any) => i.severity === 'error');
      expect(issue.path).toBe(
        'spec.environments.development.network.subnets.public[0].cidr',
      );
      expect(issue.problem).toContain('10.0.300.0/24');
      expect(issue.line).toBeGreaterThan(20);

      const empty = await request(server)
        .post('/api/infra-plans/validate')
        .send({});
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toMatch(/yaml/);
    } finally {
      await stop();
    }
  });

  it('saves editor revisions, refusing an invalid plan with its issues and storing nothing', async () => {
    const { server, stop } = await start();
    try {
      await request(server).get(`${PLAN}/plan`).expect(200);
      const invalid = await request(server)
        .post(`${PLAN}/revisions`)
        .send({
          yaml: examplePlan.replace(
            'minSize: 3\n            desiredSize: 6',
            'minSize: 8\n            desiredSize: 6',
          ),
        });
      expect(invalid.status).toBe(400);
      expect(invalid.body.issues.some((i: any) => i.severity === 'error')).toBe(
        true,
      );
      expect(
        (await request(server).get(`${PLAN}/revisions`)).body.items,
      ).toHaveLength(1);

      const saved = await request(server)
        .post(`${PLAN}/revisions`)
        .send({
          yaml: examplePlan.replace('maxSize: 20', 'maxSize: 30'),
          message: 'room for the launch',
        });
      expect(saved.status).toBe(201);
      expect(saved.body).toMatchObject({
        revision: 2,
        source: 'editor',
        author: 'user:default/mock',
        message: 'room for the launch',
        valid: true,
      });
      // The unchanged repository file does not take the plan back.
      const view = await request(server).get(`${PLAN}/plan`);
      expect(view.body.latest.revision).toBe(2);

      const old = await request(server).get(`${PLAN}/revisions/1`);
      expect(old.body.yaml).toBe(examplePlan);
      expect(
        await request(server)
          .get(`${PLAN}/revisions/9`)
          .then(r => r.status),
      ).toBe(404);
      expect(
        await request(server)
          .get(`${PLAN}/revisions/first`)
          .then(r => r.status),
      ).toBe(400);
    } finally {
      await stop();
    }
  });

  it('renders the review documents and the topology diagram for download', async () => {
    const { server, stop } = await start();
    try {
      await request(server).get(`${PLAN}/plan`).expect(200);
      const md = await request(server).get(
        `${PLAN}/documents/Infrastructure_Requirements.md`,
      );
      expect(md.status).toBe(200);
      expect(md.headers['content-type']).toMatch(/text\/markdown/);
      expect(md.headers['content-disposition']).toContain(
        'Infrastructure_Requirements.md',
      );
      expect(md.text).toContain('orchestrator-api');
      const json = await request(server).get(
        `${PLAN}/documents/Deployment_Architecture_Plan.json`,
      );
      expect(() => JSON.parse(json.text)).not.toThrow();
      const diagram = await request(server).get(
        `${PLAN}/documents/topology.mmd?environment=staging`,
      );
      expect(diagram.text.startsWith('flowchart')).toBe(true);
      expect(diagram.text).toContain('staging');
      const unknownEnv = await request(server).get(
        `${PLAN}/documents/topology.mmd?environment=qa`,
      );
      expect(unknownEnv.status).toBe(400);
      expect(unknownEnv.body.error.message).toContain(
        'development, staging, production',
      );
      const unknownDoc = await request(server).get(
        `${PLAN}/documents/secrets.txt`,
      );
      expect(unknownDoc.status).toBe(400);
    } finally {
      await stop();
    }
  });

  it('never reads files outside the allowed folders, and says when an entity has no plan', async () => {
    const { server, stop } = await start();
    try {
      const sneaky = await request(server).get(
        '/api/infra-plans/entities/component/default/sneaky/plan',
      );
      expect(sneaky.status).toBe(404);
      expect(sneaky.body.error.message).toContain('outside the folders');
      const none = await request(server).get(
        '/api/infra-plans/entities/component/default/no-plan/plan',
      );
      expect(none.status).toBe(404);
      expect(none.body.error.message).toContain('gatehouse.io/infra-plan');
      const missing = await request(server).get(
        '/api/infra-plans/entities/component/default/ghost/plan',
      );
      expect(missing.status).toBe(404);
    } finally {
      await stop();
    }
  });

  it('refuses callers without the permission and requests without credentials', async () => {
    const { server, stop } = await start({ deny: true });
    try {
      const denied = await request(server).get(`${PLAN}/plan`);
      expect(denied.status).toBe(403);
      const save = await request(server)
        .post(`${PLAN}/revisions`)
        .send({ yaml: examplePlan });
      expect(save.status).toBe(403);
      const anonymous = await request(server)
        .get(`${PLAN}/plan`)
        .set('authorization', 'Bearer not-a-token');
      expect(anonymous.status).toBe(401);
    } finally {
      await stop();
    }
  });
});
