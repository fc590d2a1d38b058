import {
  checkKubernetesFiles,
  checkTerraformFiles,
} from '@gatehouse/plugin-infra-plans-node';
import { parsePlan } from '@gatehouse/plugin-infra-plans-common';
import {
  dryRun,
  loadTemplate,
  startScaffolderWithLocalRepositories,
} from './__testUtils__/scaffolderBackend';
import { TEST_NOW } from '@gatehouse/test-utils';

jest.setTimeout(300_000);

const approval = { requestId: 'req-1', contentHash: 'a'.repeat(64) };

describe('the follow-up templates the approvals backend starts, through the dry-run endpoint', () => {
  let backend: Awaited<ReturnType<typeof startScaffolderWithLocalRepositories>>;
  beforeAll(async () => {
    backend = await startScaffolderWithLocalRepositories();
  });
  afterAll(() => backend?.stop());

  it.each(['development', 'staging', 'production'] as const)(
    '"Publish an approved environment" renders the same checked repository for a %s environment and would publish it locally',
    async tier => {
      const { response, files } = await dryRun(
        backend.server,
        loadTemplate('publish-environment'),
        {
          approval,
          service: 'component:default/orchestrator-api',
          environment: 'perf-test',
          tier,
          region: 'us-east-1',
          database: true,
          cache: tier !== 'development',
          objectStorage: tier === 'production',
          delivery: tier === 'production' ? 'blue-green' : 'rolling',
          publisher: 'local',
        },
      );
      expect([response.status, response.body.error?.message]).toEqual([
        200,
        undefined,
      ]);
      const log: string[] = response.body.log.map((l: any) => l.body.message);
      expect(log).toEqual(
        expect.arrayContaining([
          expect.stringContaining('Dry run: would check req-1'),
          expect.stringContaining('The plan validates'),
          expect.stringMatching(
            /Dry run: would commit .* to .*orchestrator-api-perf-test/,
          ),
        ]),
      );
      const plan = parsePlan(
        files.find((f: any) => f.path === 'infra-plan.yaml').content,
        { asOf: new Date(TEST_NOW) },
      );
      expect(plan.valid).toBe(true);
      expect(plan.plan!.spec.environments['perf-test'].tier).toBe(tier);
      expect((await checkTerraformFiles(files)).issues).toEqual([]);
      expect(checkKubernetesFiles(files)).toEqual([]);
    },
  );

  it('refuses values without the approval the approvals backend adds', async () => {
    const { response } = await dryRun(
      backend.server,
      loadTemplate('publish-environment'),
      {
        service: 'component:default/orchestrator-api',
        environment: 'perf-test',
        tier: 'development',
        region: 'us-east-1',
        publisher: 'local',
      },
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('approval');
  });
});
