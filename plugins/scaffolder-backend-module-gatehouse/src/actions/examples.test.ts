import {
  createMockDirectory,
  mockCredentials,
} from '@backstage/backend-test-utils';
import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parsePlan } from '@gatehouse/plugin-infra-plans-common';
import git from 'isomorphic-git';
import fs from 'node:fs';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import { exampleInput, exampleSteps } from '../__testUtils__/examples';
import { startGatehouseActions } from '../__testUtils__/gatehouseActions';
import { LOCAL_REPOSITORY_PUBLISHED_TOPIC } from '../module';
import { examples as approvalCheckExamples } from './approvalCheck.examples';
import { examples as approvalRequestExamples } from './approvalRequest.examples';
import { examples as environmentChangeExamples } from './environmentChange.examples';
import { examples as environmentRenderExamples } from './environmentRender.examples';
import { examples as planEstimateExamples } from './planEstimate.examples';
import { examples as planValidateExamples } from './planValidate.examples';
import { examples as publishLocalExamples } from './publishLocal.examples';
import { TEST_NOW } from '@gatehouse/test-utils';

/*
 * Every documented example of every action, run: its YAML is parsed, its
 * input checked against the action's schema as the scaffolder would, and the
 * handler of the action as the module registers it runs with a mock action
 * context, its calls answered by the real cost and infra-plans backends (and
 * a stand-in approvals backend). Together the examples make one environment:
 * rendered, validated, priced, published, changed, and its change sent for
 * approval.
 */

jest.setTimeout(120_000);

/** Examples files and the examples they export, by file name. */
const EXAMPLES: Record<string, TemplateExample[]> = {
  'approvalCheck.examples.ts': approvalCheckExamples,
  'approvalRequest.examples.ts': approvalRequestExamples,
  'environmentChange.examples.ts': environmentChangeExamples,
  'environmentRender.examples.ts': environmentRenderExamples,
  'planEstimate.examples.ts': planEstimateExamples,
  'planValidate.examples.ts': planValidateExamples,
  'publishLocal.examples.ts': publishLocalExamples,
};

const repositories = createMockDirectory();
let harness: Awaited<ReturnType<typeof startGatehouseActions>>;

beforeAll(async () => {
  harness = await startGatehouseActions({
    config: {
      gatehouse: {
        cost: { ingestion: { locations: [] } },
        environments: { localPublisher: { directory: repositories.path } },
      },
    },
  });
});

afterAll(() => harness?.backend.stop());

beforeEach(() => {
  repositories.clear();
  harness.approvals.calls.length = 0;
  harness.published.length = 0;
});

/** The only step of an examples file's only example (most have one). */
function onlyStep(examples: TemplateExample[]) {
  const steps = exampleSteps(examples);
  expect(steps).toHaveLength(1);
  return steps[0].step;
}

/** Runs an example step through its action; the outputs it set, by name. */
async function run(
  step: ReturnType<typeof onlyStep>,
  options: { workspacePath: string; context?: Record<string, unknown> },
) {
  const action = harness.action(step.action);
  const input = exampleInput(action, step, options.context);
  const ctx = createMockActionContext({
    input,
    workspacePath: options.workspacePath,
  });
  await action.handler(ctx as any);
  const outputs: Record<string, any> = {};
  for (const [name, value] of (ctx.output as jest.Mock).mock.calls) {
    outputs[name] = value;
  }
  return { input, outputs };
}

/** A fresh workspace with the render example's environment in it. */
async function renderedWorkspace() {
  const workspace = createMockDirectory();
  const rendered = await run(onlyStep(environmentRenderExamples), {
    workspacePath: workspace.path,
  });
  return { workspace, ...rendered };
}

describe('the actions’ examples', () => {
  it('are all run here', () => {
    const files = readdirSync(__dirname).filter(f =>
      f.endsWith('.examples.ts'),
    );
    expect(files.sort()).toEqual(Object.keys(EXAMPLES).sort());
    for (const examples of Object.values(EXAMPLES)) {
      expect(examples.length).toBeGreaterThan(0);
    }
  });

  it('gatehouse:environment:render renders the perf-test environment from the staging preset', async () => {
    const { workspace, input, outputs } = await renderedWorkspace();
    expect(input).toMatchObject({ tier: 'staging', environment: 'perf-test' });

    expect(outputs.entityRef).toBe(
      'resource:default/orchestrator-api-perf-test',
    );
    expect(outputs.files).toEqual(
      expect.arrayContaining([
        'catalog-info.yaml',
        'infra-plan.yaml',
        'terraform/eks.tf',
        // database: true
        'terraform/database.tf',
      ]),
    );
    expect(outputs.files).not.toContain('terraform/cache.tf');
    for (const file of outputs.files) {
      expect(fs.existsSync(workspace.resolve(file))).toBe(true);
    }

    const plan = parsePlan(outputs.plan, { asOf: new Date(TEST_NOW) });
    expect(plan.valid).toBe(true);
    const env = plan.plan!.spec.environments['perf-test'];
    expect(env).toMatchObject({ tier: 'staging', region: 'us-east-1' });
    expect(env.data?.databases).toHaveLength(1);
    expect(env.delivery).toMatchObject({ strategy: 'canary' });
    // The repository keeps the plan it was rendered from.
    expect(
      yaml.parse(readFileSync(workspace.resolve('infra-plan.yaml'), 'utf8')),
    ).toEqual(yaml.parse(outputs.plan));

    const catalogInfo = yaml.parse(
      readFileSync(workspace.resolve('catalog-info.yaml'), 'utf8'),
    );
    expect(catalogInfo).toMatchObject({
      kind: 'Resource',
      metadata: { name: 'orchestrator-api-perf-test' },
      spec: {
        owner: 'team-agents',
        dependsOn: ['resource:default/eks-staging-use1'],
        dependencyOf: ['component:default/orchestrator-api'],
      },
    });
  });

  it('gatehouse:infra-plan:validate passes the rendered plan and files, and fails on a broken generated file', async () => {
    const step = onlyStep(planValidateExamples);
    const { workspace } = await renderedWorkspace();
    const { outputs } = await run(step, { workspacePath: workspace.path });
    expect(outputs).toMatchObject({
      valid: true,
      errorCount: 0,
      fileIssues: [],
    });

    // checkGeneratedFiles: the files are read, not only the plan.
    writeFileSync(
      workspace.resolve('terraform/eks.tf'),
      'resource "aws_eks_cluster" "this" {\n',
    );
    await expect(run(step, { workspacePath: workspace.path })).rejects.toThrow(
      /0 error\(s\) and the generated files [1-9]\d* issue/,
    );
  });

  it("gatehouse:infra-plan:estimate prices the environment and keeps the estimate on the service's cost tab", async () => {
    const { workspace } = await renderedWorkspace();
    const { outputs } = await run(onlyStep(planEstimateExamples), {
      workspacePath: workspace.path,
    });
    expect(outputs.monthlyBefore).toBe(0);
    expect(outputs.monthlyAfter).toBeGreaterThan(0);
    expect(outputs.delta).toBeCloseTo(
      outputs.monthlyAfter - outputs.monthlyBefore,
    );
    expect(outputs.summary).toMatch(/^perf-test: \$0\.00 → \$[\d,.]+ a month/);
    expect(outputs.estimateId).toMatch(/\S/);

    const kept = await request(harness.backend.server)
      .get('/api/cost/estimates')
      .query({ entityRef: 'component:default/orchestrator-api' })
      .set('authorization', mockCredentials.user.header());
    expect(kept.status).toBe(200);
    expect(kept.body.estimates.map((e: any) => e.id)).toContain(
      outputs.estimateId,
    );
  });

  it('gatehouse:publish:local commits the workspace to a new repository and tells the catalog', async () => {
    const { workspace } = await renderedWorkspace();
    const { input, outputs } = await run(onlyStep(publishLocalExamples), {
      workspacePath: workspace.path,
    });
    const dir = join(repositories.path, 'orchestrator-api-perf-test');
    expect(outputs).toEqual({
      remoteUrl: `file://${dir}`,
      repoContentsUrl: dir,
      commitHash: expect.stringMatching(/^[0-9a-f]{40}$/),
      created: true,
      entityRef: 'resource:default/orchestrator-api-perf-test',
    });
    const log = await git.log({ fs, dir });
    expect(log.map(c => c.commit.message.trim())).toEqual([
      input.commitMessage,
    ]);
    expect(readFileSync(join(dir, 'infra-plan.yaml'), 'utf8')).toBe(
      readFileSync(workspace.resolve('infra-plan.yaml'), 'utf8'),
    );
    expect(harness.published).toEqual([
      {
        topic: LOCAL_REPOSITORY_PUBLISHED_TOPIC,
        eventPayload: { repository: dir, commitHash: outputs.commitHash },
      },
    ]);
  });

  it('gatehouse:environment:change changes the published environment, and gatehouse:approval:request sends the change for approval', async () => {
    // The environment the examples above make, published and in the catalog.
    const { workspace } = await renderedWorkspace();
    await run(onlyStep(publishLocalExamples), {
      workspacePath: workspace.path,
    });
    const dir = join(repositories.path, 'orchestrator-api-perf-test');
    const environment = yaml.parse(
      readFileSync(join(dir, 'catalog-info.yaml'), 'utf8'),
    );
    environment.metadata.annotations[
      'backstage.io/managed-by-location'
    ] = `file:${join(dir, 'catalog-info.yaml')}`;
    harness.entities.push(environment);
    try {
      const changeWorkspace = createMockDirectory();
      const change = await run(onlyStep(environmentChangeExamples), {
        workspacePath: changeWorkspace.path,
      });
      const { outputs } = change;
      expect(outputs).toMatchObject({
        environment: 'perf-test',
        serviceRef: 'component:default/orchestrator-api',
        repoName: 'orchestrator-api-perf-test',
        priorPlan: readFileSync(join(dir, 'infra-plan.yaml'), 'utf8'),
      });
      // "node group max 6 → 12 and 4 replicas", as the example says.
      expect(outputs.planChanges).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/max 6 → 12/),
          expect.stringMatching(/replicas.*2 → 4/),
        ]),
      );
      const next = parsePlan(outputs.plan, { asOf: new Date(TEST_NOW) }).plan!
        .spec.environments['perf-test'];
      expect(next.compute.nodeGroups[0].maxSize).toBe(12);
      expect(next.workloads[0].replicas).toBe(4);
      expect(outputs.fileChanges).toEqual(
        expect.arrayContaining([
          { path: 'terraform/eks.tf', status: 'changed' },
        ]),
      );
      expect(
        readFileSync(changeWorkspace.resolve('terraform/eks.tf'), 'utf8'),
      ).toMatch(/max_size\s+= 12\n/);
      expect(outputs.diff).toMatch(/-\s+max_size\s+= 6\n\+\s+max_size\s+= 12/);

      // The second approval request example takes the change's plans.
      const infraPlanExample = exampleSteps(approvalRequestExamples).find(
        ({ step }) => JSON.stringify(step.input).includes("steps['change']"),
      )!;
      harness.approvals.routes['POST /requests'] = {
        id: 'req-7',
        status: 'pending',
        contentHash: 'c'.repeat(64),
        policySummary: '0 of 1; needs platform-approvers',
      };
      const approval = await run(infraPlanExample.step, {
        workspacePath: changeWorkspace.path,
        context: { steps: { change: { output: outputs } } },
      });
      expect(harness.approvals.calls).toEqual([
        {
          method: 'POST',
          path: '/requests',
          principal: expect.objectContaining({
            userEntityRef: mockCredentials.user().principal.userEntityRef,
          }),
          body: expect.objectContaining({
            entityRef: 'component:default/orchestrator-api',
            environment: 'perf-test',
            infraPlan: { plan: outputs.plan, priorPlan: outputs.priorPlan },
          }),
        },
      ]);
      expect(approval.outputs).toMatchObject({
        requestId: 'req-7',
        autoApproved: false,
        url: '/approvals/requests/req-7',
      });
    } finally {
      harness.entities.splice(harness.entities.indexOf(environment), 1);
    }
  });

  describe('gatehouse:approval:check', () => {
    const approvalValue = { requestId: 'req-1', contentHash: 'a'.repeat(64) };
    const parameters = {
      service: 'component:default/orchestrator-api',
      environment: 'perf-test',
      tier: 'staging',
      approval: approvalValue,
    };
    const answer = (approved: boolean) => {
      harness.approvals.routes = {
        'GET /requests/req-1': {
          id: 'req-1',
          entityRef: 'component:default/orchestrator-api',
          environment: 'perf-test',
          followUp: {
            templateRef: 'template:default/publish-environment',
            values: { ...parameters, approval: undefined },
          },
        },
        [`GET /requests/req-1/gate?hash=${approvalValue.contentHash}`]: {
          id: 'req-1',
          approved,
          reason: approved ? 'approved' : 'waiting for 1 of 1',
        },
      };
    };

    it('lets the follow-up go on with the approved values, asking the approvals backend as the user', async () => {
      answer(true);
      const workspace = createMockDirectory();
      const { input, outputs } = await run(onlyStep(approvalCheckExamples), {
        workspacePath: workspace.path,
        context: { parameters },
      });
      expect(input).toEqual({
        approval: approvalValue,
        entityRef: parameters.service,
        environment: parameters.environment,
        values: parameters,
      });
      expect(outputs).toEqual({ requestId: 'req-1' });
      expect(harness.approvals.calls.map(c => c.path).sort()).toEqual([
        '/requests/req-1',
        `/requests/req-1/gate?hash=${approvalValue.contentHash}`,
      ]);
      for (const call of harness.approvals.calls) {
        expect(call.principal).toMatchObject({
          userEntityRef: mockCredentials.user().principal.userEntityRef,
        });
      }
    });

    it('stops the follow-up of a request that is not approved', async () => {
      answer(false);
      const workspace = createMockDirectory();
      await expect(
        run(onlyStep(approvalCheckExamples), {
          workspacePath: workspace.path,
          context: { parameters },
        }),
      ).rejects.toThrow(/not approved: waiting for 1 of 1/);
    });
  });
});

afterAll(() => {
  rmSync(repositories.path, { recursive: true, force: true });
});
