import {
  checkKubernetesFiles,
  checkTerraformFiles,
} from '@gatehouse/plugin-infra-plans-node';
import { parsePlan } from '@gatehouse/plugin-infra-plans-common';
import {
  dryRun,
  loadTemplate,
  startScaffolder,
} from './__testUtils__/scaffolderBackend';
import { TEST_NOW } from '@gatehouse/test-utils';

jest.setTimeout(600_000);

const TIERS = ['development', 'staging', 'production'] as const;
const DELIVERIES = ['rolling', 'blue-green', 'canary'] as const;
const BOOLS = [false, true];

const combinations = TIERS.flatMap(tier =>
  DELIVERIES.flatMap(delivery =>
    BOOLS.flatMap(database =>
      BOOLS.flatMap(cache =>
        BOOLS.map(objectStorage => ({
          tier,
          delivery,
          database,
          cache,
          objectStorage,
        })),
      ),
    ),
  ),
);

describe('the "New environment for a service" template, through the scaffolder dry-run endpoint', () => {
  let backend: Awaited<ReturnType<typeof startScaffolder>>;
  const template = loadTemplate('new-environment');
  beforeAll(async () => {
    backend = await startScaffolder({});
  });
  afterAll(() => backend?.stop());

  it('renders every tier and option combination into a repository that validates and whose files pass terraform fmt / HCL parsing and the Kubernetes schemas', async () => {
    const checkedWith = new Set<string>();
    const failures: string[] = [];
    for (const combo of combinations) {
      const label = JSON.stringify(combo);
      const { response, files } = await dryRun(backend.server, template, {
        service: 'component:default/orchestrator-api',
        environment: `${combo.tier.slice(0, 4)}-test`,
        region: 'us-east-1',
        image: '',
        rollbackPlan: 'terraform destroy',
        testPlan: 'smoke tests',
        publisher: 'local',
        ...combo,
      });
      if (response.status !== 200) {
        failures.push(
          `${label}: HTTP ${response.status} ${JSON.stringify(
            response.body,
          ).slice(0, 500)}`,
        );
        continue;
      }
      const failedSteps = response.body.steps.filter(
        (s: any) => s.status === 'failed',
      );
      if (failedSteps.length) {
        const log = response.body.log
          .map((l: any) => l.body.message)
          .join('\n');
        failures.push(
          `${label}: failed ${failedSteps.map((s: any) => s.id)}\n${log.slice(
            -2000,
          )}`,
        );
        continue;
      }
      const plan = files.find(
        (f: { path: string }) => f.path === 'infra-plan.yaml',
      );
      const result = parsePlan(plan!.content, { asOf: new Date(TEST_NOW) });
      const env =
        result.plan!.spec.environments[`${combo.tier.slice(0, 4)}-test`];
      const terraform = await checkTerraformFiles(files);
      terraform.checkedWith.forEach(c => checkedWith.add(c));
      const kubernetes = checkKubernetesFiles(files);
      const problems = [
        ...(result.valid ? [] : [`plan: ${result.errorCount} errors`]),
        ...terraform.issues.map(i => `${i.path}: ${i.message}`),
        ...kubernetes.map(i => `${i.path}: ${i.message}`),
      ];
      // The choices made in the form are in the repository.
      if (env.tier !== combo.tier) problems.push(`tier ${env.tier}`);
      if (env.delivery?.strategy !== combo.delivery)
        problems.push(`delivery ${env.delivery?.strategy}`);
      if (Boolean(env.data?.databases?.length) !== combo.database)
        problems.push('database');
      if (Boolean(env.data?.caches?.length) !== combo.cache)
        problems.push('cache');
      if (Boolean(env.data?.objectStorage?.length) !== combo.objectStorage)
        problems.push('bucket');
      const tf = (name: string) =>
        files.some((f: { path: string }) => f.path === `terraform/${name}`);
      if (tf('database.tf') !== combo.database) problems.push('database.tf');
      if (tf('cache.tf') !== combo.cache) problems.push('cache.tf');
      if (!files.some((f: { path: string }) => f.path === 'catalog-info.yaml'))
        problems.push('catalog-info.yaml');
      const rollout = files.some(
        (f: { path: string; content: string }) =>
          f.path.startsWith('kubernetes/') && /kind: Rollout/.test(f.content),
      );
      if (rollout !== (combo.delivery !== 'rolling'))
        problems.push(`rollout ${rollout}`);
      // The cost step priced the environment before anything is published.
      const log: string[] = response.body.log.map((l: any) => l.body.message);
      const priced = log.find(line => line.includes('Estimated cost: '));
      const monthly = Number(
        priced?.match(/→ \$([\d,.]+) a month/)?.[1].replace(/,/g, ''),
      );
      if (!(monthly > 0)) problems.push(`no estimate in the log`);
      // Nothing is published in a dry run: the publisher only says what it would do.
      if (!log.some(line => line.includes('Dry run: would submit')))
        problems.push('approval step');
      if (problems.length) failures.push(`${label}: ${problems.join('; ')}`);
    }
    // The first few are enough to see what is wrong.
    expect(failures.slice(0, 5)).toEqual([]);
    expect(combinations).toHaveLength(72);
    expect([...checkedWith].some(c => /hcl/i.test(c))).toBe(true);
  });

  it('answers a bad environment name with the form error and renders nothing', async () => {
    const { response } = await dryRun(backend.server, template, {
      service: 'component:default/orchestrator-api',
      environment: 'Not A Label',
      tier: 'development',
      region: 'us-east-1',
      rollbackPlan: 'x',
      testPlan: 'y',
      publisher: 'local',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/environment/);
  });
});
