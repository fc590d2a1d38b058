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
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import { exampleInput, exampleSteps } from '../__testUtils__/examples';
import { startGatehouseActions } from '../__testUtils__/gatehouseActions';
import { LOCAL_REPOSITORY_PUBLISHED_TOPIC } from '../module';
import { examples as approvalCheckExamples } from './approvalCheck.examples';
import { examples as approvalRequestExamples } from './approvalRequest.examples';
import { describeExamples, proposedExamples } from './changeDelivery.examples';
import { examples as environmentChangeExamples } from './environmentChange.examples';
import { examples as environmentRenderExamples } from './environmentRender.examples';
import { examples as planEstimateExamples } from './planEstimate.examples';
import { examples as planValidateExamples } from './planValidate.examples';
import { examples as publishLocalExamples } from './publishLocal.examples';
import { examples as publishGitBranchExamples } from './publishGitBranch.examples';
import { examples as publishGiteaPullRequestExamples } from './publishGiteaPullRequest.examples';
import { TEST_NOW } from '@gatehouse/test-utils';
import { GitServer, startGitServer } from '@gatehouse/test-utils/gitServer';
import {
  changeTrailersOf,
  withChangeTrailers,
} from '@gatehouse/plugin-infra-plans-common';
import {
  ForgeReplay,
  loadExchanges,
  startForgeReplay,
} from '../__testUtils__/forgeReplay';

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
  'changeDelivery.examples.ts': [...describeExamples, ...proposedExamples],
  'environmentChange.examples.ts': environmentChangeExamples,
  'environmentRender.examples.ts': environmentRenderExamples,
  'planEstimate.examples.ts': planEstimateExamples,
  'planValidate.examples.ts': planValidateExamples,
  'publishLocal.examples.ts': publishLocalExamples,
  'publishGitBranch.examples.ts': publishGitBranchExamples,
  'publishGiteaPullRequest.examples.ts': publishGiteaPullRequestExamples,
};

const repositories = createMockDirectory();
/** The task's temporary directories (createTemporaryDirectory). */
const temporary = createMockDirectory();
let harness: Awaited<ReturnType<typeof startGatehouseActions>>;
/** The environments' remote repositories, for the git publishers' examples. */
let gitServer: GitServer;
/** Gitea's API, recorded, for the Gitea pull request example. */
let giteaApi: ForgeReplay;

beforeAll(async () => {
  gitServer = await startGitServer();
  giteaApi = await startForgeReplay(
    loadExchanges('gitea', 'createPullRequest').exchanges,
  );
  harness = await startGatehouseActions({
    config: {
      app: { baseUrl: 'http://localhost:3000' },
      gatehouse: {
        cost: { ingestion: { locations: [] } },
        environments: { localPublisher: { directory: repositories.path } },
      },
      integrations: {
        // Git at the git server, the API at the recorded exchanges.
        gitea: [
          {
            host: `127.0.0.1:${gitServer.port}`,
            baseUrl: giteaApi.url,
            username: 'gatehouse-bot',
            password: 'gitea-s3cret',
          },
        ],
      },
    },
  });
});

afterAll(() => harness?.backend.stop());
afterAll(() => giteaApi?.stop());
afterAll(() => gitServer?.stop());

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

/** The step of the example whose description matches (files with several). */
function stepOf(examples: TemplateExample[], description: RegExp) {
  const found = exampleSteps(examples).filter(e =>
    description.test(e.description),
  );
  expect(found).toHaveLength(1);
  return found[0].step;
}

/** publish:local's first example: the local repositories folder only. */
const publishLocally = () =>
  stepOf(
    publishLocalExamples,
    /^Publish the rendered environment as a git repository in the local/,
  );

/** Runs an example step through its action; the outputs it set, by name. */
async function run(
  step: ReturnType<typeof onlyStep>,
  options: {
    workspacePath: string;
    context?: Record<string, unknown>;
    /** Inputs replaced after the check, e.g. a remote by the loopback one. */
    overrides?: Record<string, unknown>;
  },
) {
  const action = harness.action(step.action);
  const input = {
    ...exampleInput(action, step, options.context),
    ...options.overrides,
  };
  const ctx = {
    ...createMockActionContext({
      input,
      workspacePath: options.workspacePath,
    }),
    // The mock answers the workspace itself: a publisher cloning there
    // would clone into what it publishes.
    createTemporaryDirectory: () => mkdtemp(join(temporary.path, 'task-')),
  };
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
    const { input, outputs } = await run(publishLocally(), {
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
    await run(publishLocally(), {
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

  describe('the git publishers, their remotes on a loopback git server', () => {
    const approval = { requestId: 'req-7', contentHash: '9a'.repeat(32) };
    const context = { parameters: { approval } };
    /** main of the environment's repository: an older plan. */
    const MAIN = {
      'catalog-info.yaml': 'kind: Resource\n',
      'infra-plan.yaml': 'an older plan\n',
    };

    it('gatehouse:publish:local pushes a new environment to an empty repository on a git server', async () => {
      const step = stepOf(
        publishLocalExamples,
        /to an empty repository on a git server/,
      );
      expect(step.input.remoteUrl).toMatch(/^https:\/\/git\.example\.com\//);
      const remote = await gitServer.createRepository(
        'mirror/orchestrator-api-perf-test',
      );
      const { workspace } = await renderedWorkspace();
      const { input, outputs } = await run(step, {
        workspacePath: workspace.path,
        overrides: { remoteUrl: remote.url },
      });
      const dir = join(repositories.path, 'orchestrator-api-perf-test');
      expect(outputs).toMatchObject({
        remoteUrl: remote.url,
        repoContentsUrl: dir,
        created: true,
      });
      expect(
        (await gitServer.git(remote.name, ['rev-parse', 'main'])).trim(),
      ).toBe(outputs.commitHash);
      expect(
        await gitServer.git(remote.name, ['log', '--format=%s', 'main']),
      ).toBe(`${input.commitMessage}\n`);
      expect(
        await gitServer.git(remote.name, ['show', 'main:infra-plan.yaml']),
      ).toBe(readFileSync(workspace.resolve('infra-plan.yaml'), 'utf8'));
    });

    it('gatehouse:publish:git-branch pushes the change as a branch whose commit carries the trailers', async () => {
      const step = onlyStep(publishGitBranchExamples);
      expect(step.input.remoteUrl).toMatch(/^https:\/\/git\.example\.com\//);
      const remote = await gitServer.createRepository(
        'git-branch/orchestrator-api-perf-test',
        { initialFiles: MAIN },
      );
      const { workspace } = await renderedWorkspace();
      const { input, outputs } = await run(step, {
        workspacePath: workspace.path,
        context,
        overrides: { remoteUrl: remote.url },
      });
      expect(input.commitMessage).toBe(
        withChangeTrailers('Scale perf-test for the launch', approval),
      );
      expect(outputs).toEqual({
        branchName: 'gatehouse/req-7',
        commitHash: expect.stringMatching(/^[0-9a-f]{40}$/),
        remoteUrl: remote.url,
        branchUrl: `${remote.url}#gatehouse/req-7`,
      });
      const message = await gitServer.git(remote.name, [
        'log',
        '-1',
        '--format=%B',
        'gatehouse/req-7',
      ]);
      expect(changeTrailersOf(message)).toEqual([approval]);
      expect(
        await gitServer.git(remote.name, [
          'show',
          'gatehouse/req-7:infra-plan.yaml',
        ]),
      ).toBe(readFileSync(workspace.resolve('infra-plan.yaml'), 'utf8'));
    });

    it('gatehouse:publish:gitea:pull-request pushes the branch and opens its pull request (recorded Gitea API exchanges)', async () => {
      const step = onlyStep(publishGiteaPullRequestExamples);
      const remote = await gitServer.createRepository(
        'platform/orchestrator-api-perf-test',
        { initialFiles: MAIN },
      );
      const { workspace } = await renderedWorkspace();
      const { input, outputs } = await run(step, {
        workspacePath: workspace.path,
        context,
        // The example's host, gitea.example.com, is here the git server.
        overrides: {
          repoUrl: `127.0.0.1:${gitServer.port}?owner=platform&repo=orchestrator-api-perf-test`,
        },
      });
      expect(giteaApi.unexpected).toEqual([]);
      expect(giteaApi.unused()).toEqual([]);
      expect(
        giteaApi.requestFor(
          'POST',
          '/api/v1/repos/platform/orchestrator-api-perf-test/pulls',
        )!.body,
      ).toEqual({
        head: 'gatehouse/req-7',
        base: 'main',
        title: input.title,
        body: 'Approved in Gatehouse: /approvals/requests/req-7',
      });
      expect(outputs).toMatchObject({
        pullRequestNumber: 7,
        branchName: 'gatehouse/req-7',
      });
      const message = await gitServer.git(remote.name, [
        'log',
        '-1',
        '--format=%B',
        'gatehouse/req-7',
      ]);
      expect(changeTrailersOf(message)).toEqual([approval]);
    });
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

  describe('the delivery of an approved change', () => {
    const approval = { requestId: 'req-9', contentHash: 'd'.repeat(64) };
    const changeRequest = {
      id: 'req-9',
      title: 'More room for the load test',
      status: 'approved',
      revision: 2,
      contentHash: approval.contentHash,
      costDelta: 182.5,
      policySummary: '1 of 1 from team-agents or platform-approvers',
      decisions: [
        {
          revision: 1,
          decision: 'approve',
          approver: 'user:default/dave',
          createdAt: '2026-11-17T09:00:00.000Z',
        },
        {
          revision: 2,
          decision: 'approve',
          approver: 'user:default/alice',
          createdAt: '2026-11-18T09:30:00.000Z',
        },
      ],
    };

    it('gatehouse:change:describe writes the pull request and the commit message with the trailers', async () => {
      harness.approvals.routes = { 'GET /requests/req-9': changeRequest };
      const { outputs } = await run(onlyStep(describeExamples), {
        workspacePath: createMockDirectory().path,
        context: {
          parameters: { approval, reason: 'More room for the load test' },
        },
      });
      expect(outputs.commitMessage).toBe(
        `More room for the load test\n\nGatehouse-Change: req-9\nGatehouse-Hash: ${approval.contentHash}\n`,
      );
      expect(outputs.branchName).toBe('gatehouse/change-req-9');
      expect(outputs.title).toBe(
        'More room for the load test (Gatehouse req-9)',
      );
      expect(outputs.requestUrl).toBe(
        'http://localhost:3000/approvals/requests/req-9',
      );
      // Only the approvals of the approved revision are named.
      expect(outputs.description).toContain(
        '- Approved by: alice (2026-11-18)',
      );
      expect(outputs.description).not.toContain('dave');
      expect(outputs.description).toContain(
        `- Content hash: \`${approval.contentHash}\``,
      );
      expect(outputs.description).toContain('- Cost change: +$182.50/mo');
      expect(outputs.description).toContain(
        '[More room for the load test](http://localhost:3000/approvals/requests/req-9)',
      );
    });

    it('gatehouse:change:proposed records where the change was proposed, as the template runner', async () => {
      harness.approvals.routes = {
        'POST /requests/req-9/delivery': {
          ...changeRequest,
          delivery: { state: 'proposed', events: [] },
        },
      };
      const { outputs } = await run(onlyStep(proposedExamples), {
        workspacePath: createMockDirectory().path,
        context: {
          parameters: { approval },
          steps: {
            'pull-request': {
              output: { remoteUrl: 'https://github.com/acme/shop/pull/3' },
            },
          },
        },
      });
      expect(outputs).toEqual({ deliveryState: 'proposed' });
      expect(harness.approvals.calls).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: '/requests/req-9/delivery',
          body: {
            step: 'proposed',
            contentHash: approval.contentHash,
            link: 'https://github.com/acme/shop/pull/3',
            detail: 'pull request on github.com/acme/shop-production',
          },
        }),
      ]);
    });
  });
});

afterAll(() => {
  rmSync(repositories.path, { recursive: true, force: true });
});
