import {
  InfraPlan,
  presetEnvironmentPlan,
} from '@gatehouse/plugin-infra-plans-common';
import { renderEnvironmentRepository } from '@gatehouse/plugin-infra-plans-node';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import yaml from 'yaml';
import {
  dryRun,
  loadTemplate,
  startScaffolder,
} from './__testUtils__/scaffolderBackend';
import { TEST_NOW } from '@gatehouse/test-utils';

jest.setTimeout(300_000);

/** A published environment repository, as the new-environment template leaves it. */
function publishedEnvironment(
  tier: 'development' | 'staging' | 'production',
  edit: (plan: InfraPlan) => void = () => {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-env-'));
  const plan = presetEnvironmentPlan({
    service: 'orchestrator-api',
    owner: 'team-agents',
    environment: 'perf-test',
    tier,
    database: true,
    asOf: new Date(TEST_NOW),
  });
  edit(plan);
  for (const file of renderEnvironmentRepository({
    plan,
    environment: 'perf-test',
  }).files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  writeFileSync(join(dir, 'infra-plan.yaml'), yaml.stringify(plan));
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'orchestrator-api-perf-test',
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `file:${join(
          dir,
          'catalog-info.yaml',
        )}`,
        'gatehouse.io/infra-plan': './infra-plan.yaml',
        'gatehouse.io/environment': 'perf-test',
      },
    },
    spec: { type: 'environment', owner: 'team-agents' },
  };
  return { dir, plan, entity };
}

describe('the "Change an environment" template, through the scaffolder dry-run endpoint', () => {
  it.each(['development', 'staging', 'production'] as const)(
    'changes a %s environment: plan diff, re-rendered files that pass the checks, and the cost against what runs now',
    async tier => {
      const { dir, plan, entity } = publishedEnvironment(tier);
      const group = plan.spec.environments['perf-test'].compute.nodeGroups[0];
      const backend = await startScaffolder({
        entities: [entity],
        config: {
          catalog: {
            locations: [
              { type: 'file', target: join(dir, 'catalog-info.yaml') },
            ],
          },
        },
      });
      try {
        const { response, files } = await dryRun(
          backend.server,
          loadTemplate('change-environment'),
          {
            environmentRef: 'resource:default/orchestrator-api-perf-test',
            reason: 'Room for the launch',
            nodeGroupMax: group.maxSize * 2,
            databaseInstanceClass: 'db.r6g.xlarge',
            rollbackPlan: 'revert',
            testPlan: 'watch alerts',
          },
        );
        expect(response.status).toBe(200);
        const log: string[] = response.body.log.map((l: any) => l.body.message);
        const failedSteps = response.body.log
          .filter((l: any) => l.body.status === 'failed')
          .map((l: any) => l.body.stepId);
        expect(failedSteps).toEqual([]);
        expect(log).toEqual(
          expect.arrayContaining([
            expect.stringContaining(
              `max ${group.maxSize} → ${group.maxSize * 2}`,
            ),
            expect.stringMatching(/plan: database .*→ db\.r6g\.xlarge/),
            expect.stringContaining('file changed: terraform/eks.tf'),
            expect.stringContaining('file changed: terraform/database.tf'),
            expect.stringMatching(/The plan validates/),
          ]),
        );
        // Current against proposed: the database class raises the monthly cost.
        const priced = log.find(line => line.includes('Estimated cost: '))!;
        const [, before, after] = priced
          .match(/\$([\d,.]+) → \$([\d,.]+) a month/)!
          .map(n => n.replace(/,/g, ''));
        expect(Number(before)).toBeGreaterThan(0);
        expect(Number(after)).toBeGreaterThan(Number(before));
        const changed = files.find((f: any) => f.path === 'terraform/eks.tf');
        expect(changed.content).toMatch(
          new RegExp(`max_size\\s+= ${group.maxSize * 2}`),
        );
      } finally {
        await backend.stop();
      }
    },
  );

  it('refuses a change that changes nothing', async () => {
    const { dir, plan, entity } = publishedEnvironment('development');
    const group = plan.spec.environments['perf-test'].compute.nodeGroups[0];
    const backend = await startScaffolder({
      entities: [entity],
      config: {
        catalog: {
          locations: [{ type: 'file', target: join(dir, 'catalog-info.yaml') }],
        },
      },
    });
    try {
      const { response } = await dryRun(
        backend.server,
        loadTemplate('change-environment'),
        {
          environmentRef: 'resource:default/orchestrator-api-perf-test',
          reason: 'Nothing really',
          nodeGroupMax: group.maxSize,
          rollbackPlan: 'revert',
          testPlan: 'none',
        },
      );
      expect(JSON.stringify(response.body)).toContain('Nothing would change');
    } finally {
      await backend.stop();
    }
  });

  it('changes the second node group and a queue, chosen by name, and leaves the first node group as it was', async () => {
    const { dir, plan, entity } = publishedEnvironment('staging', draft => {
      const env = draft.spec.environments['perf-test'];
      env.compute.nodeGroups.push({
        ...structuredClone(env.compute.nodeGroups[0]),
        name: 'batch',
      });
      env.data = {
        ...env.data,
        queues: [
          {
            name: 'jobs',
            type: 'sqs',
            visibilityTimeout: '30s',
            retention: '4d',
          },
        ],
      };
    });
    const [first, batch] =
      plan.spec.environments['perf-test'].compute.nodeGroups;
    const backend = await startScaffolder({
      entities: [entity],
      config: {
        catalog: {
          locations: [{ type: 'file', target: join(dir, 'catalog-info.yaml') }],
        },
      },
    });
    try {
      const { response, files } = await dryRun(
        backend.server,
        loadTemplate('change-environment'),
        {
          environmentRef: 'resource:default/orchestrator-api-perf-test',
          reason: 'Batch room and longer retention',
          nodeGroup: 'batch',
          nodeGroupMax: batch.maxSize + 4,
          queue: 'jobs',
          queueRetention: '7d',
          rollbackPlan: 'revert',
          testPlan: 'watch alerts',
        },
      );
      expect(response.status).toBe(200);
      const log: string[] = response.body.log.map((l: any) => l.body.message);
      expect(
        response.body.log
          .filter((l: any) => l.body.status === 'failed')
          .map((l: any) => l.body.stepId),
      ).toEqual([]);
      const planLines = log.filter(line => line.includes('plan: '));
      expect(planLines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            new RegExp(`batch.*max ${batch.maxSize} → ${batch.maxSize + 4}`),
          ),
          expect.stringMatching(/queue jobs.*4d → 7d/),
        ]),
      );
      expect(planLines.join('\n')).not.toContain(`node group ${first.name}`);
      const changed = files.find((f: any) => f.path === 'terraform/eks.tf');
      expect(changed.content).toMatch(
        new RegExp(`max_size\\s+= ${batch.maxSize + 4}`),
      );
    } finally {
      await backend.stop();
    }
  });
});
