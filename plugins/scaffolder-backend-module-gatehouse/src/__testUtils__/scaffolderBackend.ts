/*
 * Test harness: the real scaffolder backend with Gatehouse's actions, the
 * real cost and infra-plans backends (estimates and current plans), and the
 * catalog replaced by an in-memory one holding the example service. Test-only.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import costPlugin from '@gatehouse/plugin-cost-backend';
import infraPlansPlugin from '@gatehouse/plugin-infra-plans-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGiteaModule from '@backstage/plugin-scaffolder-backend-module-gitea';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import scaffolderGitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import scaffolderNotificationsModule from '@backstage/plugin-scaffolder-backend-module-notifications';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import { scaffolderModuleGatehouse as gatehouseModule } from '../module';
import { withTestClock } from '@gatehouse/test-utils';

export const REPO_ROOT = resolve(__dirname, '../../../..');

/** The files of a template's folder, as the dry-run endpoint takes them. */
function filesOf(name: string) {
  const root = resolve(REPO_ROOT, 'templates', name);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
      entry.isDirectory()
        ? walk(join(dir, entry.name))
        : [join(dir, entry.name)],
    );
  return walk(root)
    .filter(file => relative(root, file) !== 'template.yaml')
    .map(file => ({
      path: relative(root, file),
      base64Content: readFileSync(file).toString('base64'),
    }));
}

export function loadTemplate(name: string) {
  return yaml.parse(
    readFileSync(
      resolve(REPO_ROOT, 'templates', name, 'template.yaml'),
      'utf8',
    ),
  );
}

const service = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orchestrator-api', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'team-agents',
    lifecycle: 'production',
    system: 'orchestration-platform',
  },
};

const notifications = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({ send: async () => {} }),
});

export async function startScaffolder(options: {
  entities?: any[];
  config?: Record<string, unknown>;
}) {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      // The stock actions the portal's templates use, as packages/backend adds them.
      scaffolderGithubModule,
      scaffolderGitlabModule,
      scaffolderGiteaModule,
      scaffolderNotificationsModule,
      gatehouseModule,
      costPlugin,
      infraPlansPlugin,
      notifications,
      catalogServiceMock.factory({
        entities: [service, ...(options.entities ?? [])],
      }),
      mockServices.rootConfig.factory({
        data: withTestClock({
          backend: { baseUrl: 'http://localhost:7007' },
          gatehouse: { cost: { ingestion: { locations: [] } } },
          ...options.config,
        }),
      }),
    ],
  });
  return backend;
}

/** Runs a template through the scaffolder's dry-run endpoint. */
export async function dryRun(
  server: any,
  template: unknown,
  values: Record<string, unknown>,
  /** A template folder whose files (e.g. `content/`) the steps fetch. */
  templateFiles?: string,
) {
  const response = await request(server)
    .post('/api/scaffolder/v2/dry-run')
    .send({
      template,
      values,
      secrets: {},
      directoryContents: templateFiles ? filesOf(templateFiles) : [],
    });
  const files = (response.body.directoryContents ?? []).map((f: any) => ({
    path: f.path as string,
    content: Buffer.from(f.base64Content, 'base64').toString('utf8'),
  }));
  return { response, files };
}

/**
 * The scaffolder with no billing and a fresh folder for the embedded local
 * repositories: what the publishing templates need in a dry run.
 */
export function startScaffolderWithLocalRepositories() {
  return startScaffolder({
    config: {
      gatehouse: {
        cost: { ingestion: { locations: [] } },
        environments: {
          localPublisher: {
            directory: mkdtempSync(join(tmpdir(), 'gatehouse-repos-')),
          },
        },
      },
    },
  });
}
