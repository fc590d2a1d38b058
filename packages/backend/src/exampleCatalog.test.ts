import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import {
  STORAGE_TEST_DATABASE_IDS,
  postgresConnectionString,
} from '@gatehouse/test-utils';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import authPlugin from '@backstage/plugin-auth-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import devSignInModule from './modules/devSignIn';
import ownershipModule from './modules/ownership';
import permissionPolicyModule from './modules/permissionPolicy';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { resolve } from 'node:path';

const example = (file: string) => resolve(__dirname, '../../../examples', file);

/** The repository's templates, as app-config.yaml registers them. */
const TEMPLATES = [
  'nodejs-service',
  'new-environment',
  'change-environment',
  'deploy-version',
  'publish-environment',
  'apply-environment-change',
];

jest.setTimeout(120_000);

/** The backend's database settings for each storage engine, as users configure them. */
function databaseConfig(id: TestDatabaseId) {
  if (id === 'SQLITE_3') {
    return { client: 'better-sqlite3', connection: ':memory:' };
  }
  // A fresh set of per-plugin databases on the test server for every run.
  return {
    client: 'pg',
    connection: postgresConnectionString(),
    prefix: `gh_test_${randomBytes(4).toString('hex')}_`,
  };
}

async function startPortalBackend(id: TestDatabaseId) {
  return startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleScaffolderEntityModel,
      authPlugin,
      devSignInModule,
      ownershipModule,
      permissionPlugin,
      permissionPolicyModule,
      // The real token handling, not the test backend's mock identities: this
      // test signs in for real and uses the token the auth plugin issues.
      authServiceFactory,
      httpAuthServiceFactory,
      userInfoServiceFactory,
      permissionsServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: {
            baseUrl: 'http://localhost:7007',
            database: databaseConfig(id),
          },
          // Gatehouse's permission policy decides, as in app-config.yaml.
          permission: { enabled: true },
          auth: {
            environment: 'development',
            providers: { 'gatehouse-dev': {} },
          },
          catalog: {
            rules: [
              { allow: ['Component', 'System', 'API', 'Resource', 'Location'] },
            ],
            locations: [
              {
                type: 'file',
                target: example('org.yaml'),
                rules: [{ allow: ['User', 'Group'] }],
              },
              { type: 'file', target: example('services.yaml') },
              { type: 'file', target: example('clusters.yaml') },
              ...TEMPLATES.map(name => ({
                type: 'file',
                target: resolve(
                  __dirname,
                  `../../../templates/${name}/template.yaml`,
                ),
                rules: [{ allow: ['Template'] }],
              })),
            ],
          },
        },
      }),
    ],
  });
}

async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error('timed out waiting for the catalog');
    await new Promise(wake => setTimeout(wake, 250));
  }
}

describe.each(STORAGE_TEST_DATABASE_IDS.map(id => [id]))(
  'the portal backend on %s',
  id => {
    const previousNodeEnv = process.env.NODE_ENV;
    let server: Awaited<ReturnType<typeof startPortalBackend>>;

    beforeAll(async () => {
      // The example-user provider only works in development, as in `yarn start`.
      process.env.NODE_ENV = 'development';
      server = await startPortalBackend(id);
    });

    afterAll(async () => {
      await server?.stop();
      process.env.NODE_ENV = previousNodeEnv;
    });

    async function signInAs(user: string) {
      const response = await request(server.server)
        .get('/api/auth/gatehouse-dev/refresh')
        .set('x-gatehouse-dev-user', user);
      return response;
    }

    it('serves the example catalog to a signed-in example user, with nested group ownership', async () => {
      // The catalog reads users, groups and the group tree in no fixed order:
      // wait until Alice's groups and the group above them are in, so the
      // assertion is on the ownership the catalog settles on. It never
      // settles on the nested group when nesting is broken: the wait fails.
      const signIn = await eventually(async () => {
        const response = await signInAs('alice');
        const refs: string[] =
          response.body?.backstageIdentity?.identity?.ownershipEntityRefs ?? [];
        return response.status === 200 &&
          refs.includes('group:default/platform-team')
          ? response
          : undefined;
      });
      const { token, identity } = signIn.body.backstageIdentity;
      expect(identity.userEntityRef).toBe('user:default/alice');
      expect(identity.ownershipEntityRefs.sort()).toEqual([
        'group:default/engineering',
        'group:default/platform-approvers',
        'group:default/platform-team',
        'user:default/alice',
      ]);
      expect(signIn.body.profile).toMatchObject({
        displayName: 'Alice Moreau',
        email: 'alice@example.com',
      });

      const services = await eventually(async () => {
        const response = await request(server.server)
          .get(
            '/api/catalog/entities/by-query?filter=kind=component&fields=metadata.name,spec.owner,relations',
          )
          .set('authorization', `Bearer ${token}`);
        return response.body.items?.length === 4
          ? response.body.items
          : undefined;
      });
      expect(services.map((s: any) => s.metadata.name).sort()).toEqual([
        'knowledge-store',
        'operator-console',
        'orchestrator-api',
        'task-runner',
      ]);
      const api = services.find(
        (s: any) => s.metadata.name === 'orchestrator-api',
      );
      const dependsOn = api.relations
        .filter((r: any) => r.type === 'dependsOn')
        .map((r: any) => r.targetRef)
        .sort();
      expect(dependsOn).toEqual([
        'resource:default/orchestrator-api-development',
        'resource:default/orchestrator-api-production',
        'resource:default/orchestrator-api-staging',
      ]);
    });

    it('offers people the templates they can use, not the follow-ups only the approvals backend starts', async () => {
      // Bob is in the catalog once it has read the example org.
      const { token } = await eventually(async () => {
        const response = await signInAs('bob');
        return response.status === 200
          ? response.body.backstageIdentity
          : undefined;
      });
      const templates = await eventually(async () => {
        const response = await request(server.server)
          .get('/api/catalog/entities/by-query?filter=kind=template')
          .set('authorization', `Bearer ${token}`);
        const names: string[] = (response.body.items ?? []).map(
          (t: any) => t.metadata.name,
        );
        // The catalog reads locations in no fixed order: wait for all four.
        return names.length === 4 ? names.sort() : undefined;
      });
      expect(templates).toEqual([
        'change-environment',
        'deploy-version',
        'new-environment',
        'nodejs-service',
      ]);
      const direct = await request(server.server)
        .get(
          '/api/catalog/entities/by-name/template/default/publish-environment',
        )
        .set('authorization', `Bearer ${token}`);
      expect(direct.status).toBe(404);
    });

    it('refuses unauthenticated catalog reads and unknown or malformed users', async () => {
      expect(
        (await request(server.server).get('/api/catalog/entities')).status,
      ).toBe(401);
      const unknown = await signInAs('mallory');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toContain('user:default/mallory');
      const notAUser = await signInAs('group:default/sre');
      expect(notAUser.status).toBe(400);
      expect(notAUser.body.error.message).toContain('is not a User');
      const missing = await request(server.server).get(
        '/api/auth/gatehouse-dev/refresh',
      );
      expect(missing.status).toBe(400);
    });

    it('lists the example users for the sign-in page without a token', async () => {
      // Wait until the catalog has read Dave and his group memberships.
      const response = await eventually(async () => {
        const answer = await request(server.server).get('/api/auth/dev-users');
        const dave = answer.body?.users?.find(
          (u: any) => u.userEntityRef === 'user:default/dave',
        );
        return answer.status === 200 && dave?.groups?.length === 2
          ? answer
          : undefined;
      });
      expect(response.status).toBe(200);
      expect(response.body.users.map((u: any) => u.userEntityRef)).toContain(
        'user:default/bob',
      );
      const dave = response.body.users.find(
        (u: any) => u.userEntityRef === 'user:default/dave',
      );
      expect(dave.displayName).toBe('Dave Lindqvist');
      expect(dave.groups.sort()).toEqual(['platform-approvers', 'sre']);
    });
  },
);
