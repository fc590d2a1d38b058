import yaml from 'yaml';
import {
  dryRun,
  loadTemplate,
  startScaffolderWithLocalRepositories,
} from './__testUtils__/scaffolderBackend';

jest.setTimeout(300_000);

describe('the "New Node.js service" template, through the dry-run endpoint', () => {
  let backend: Awaited<ReturnType<typeof startScaffolderWithLocalRepositories>>;
  beforeAll(async () => {
    backend = await startScaffolderWithLocalRepositories();
  });
  afterAll(() => backend?.stop());

  it('renders the service and would publish it to the embedded local repositories, without any forge', async () => {
    const { response, files } = await dryRun(
      backend.server,
      loadTemplate('nodejs-service'),
      {
        name: 'billing-api',
        description: 'Invoices and payments',
        owner: 'group:default/team-agents',
        system: 'system:default/orchestration-platform',
        publisher: 'local',
      },
      'nodejs-service',
    );
    expect([response.status, response.body.error?.message]).toEqual([
      200,
      undefined,
    ]);
    const steps = response.body.steps.map((step: any) => step.id);
    const log: string[] = response.body.log.map((l: any) => l.body.message);
    const skipped = (id: string) =>
      log.some(line => line.includes(`Skipping step ${id}`));
    expect(steps).toEqual(
      expect.arrayContaining(['fetch-base', 'publish-local', 'register']),
    );
    expect(log).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Dry run: would commit .* to .*billing-api/),
      ]),
    );
    for (const forge of ['publish-github', 'publish-gitlab', 'publish-gitea'])
      expect(skipped(forge)).toBe(true);
    expect(skipped('register')).toBe(true);
    const catalogInfo = yaml.parse(
      files.find((f: any) => f.path === 'catalog-info.yaml').content,
    );
    expect(catalogInfo).toMatchObject({
      kind: 'Component',
      metadata: { name: 'billing-api', description: 'Invoices and payments' },
      spec: { owner: 'group:default/team-agents' },
    });
  });
});
