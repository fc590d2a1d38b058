import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createPublishGithubPullRequestAction } from '@backstage/plugin-scaffolder-backend-module-github';
import { createPublishGitlabMergeRequestAction } from '@backstage/plugin-scaffolder-backend-module-gitlab';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  changeTrailersOf,
  withChangeTrailers,
} from '@gatehouse/plugin-infra-plans-common';
import {
  ForgeReplay,
  loadExchanges,
  startForgeReplay,
} from '../__testUtils__/forgeReplay';
import { runPublisher } from '../__testUtils__/runPublisher';

/*
 * The stock forge actions the change templates propose with, run as they
 * are against loopback servers answering recorded exchanges of GitHub's and
 * GitLab's REST APIs (fixtures written from their API documentation, in
 * the order the actions make the calls). What these tests pin down is what
 * the templates rely on: the description reaches the pull/merge request and
 * the commit carries the Gatehouse trailers.
 */

const change = { requestId: 'req-7', contentHash: 'ab'.repeat(32) };
const title = 'Scale perf-test for the launch';
const description =
  'node group max 6 → 12; a jobs queue.\n\nApproved in Gatehouse: /approvals/requests/req-7';

/** The environment's repository after the change (main has eks.tf at max 6, and cache.tf). */
const WORKSPACE = {
  'catalog-info.yaml':
    'apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: orchestrator-api-perf-test\n',
  'terraform/eks.tf': 'max_size = 12\n',
  'terraform/queue.tf': 'resource "aws_sqs_queue" "jobs" {}\n',
};

let replay: ForgeReplay | undefined;
afterEach(async () => {
  await replay?.stop();
  replay = undefined;
});

function expectEveryExchangeUsed(server: ForgeReplay) {
  expect(server.unexpected.map(r => `${r.method} ${r.path}`)).toEqual([]);
  expect(server.unused().map(e => e.note)).toEqual([]);
}

const scratch = createMockDirectory();
const run = (
  action: TemplateAction<any, any, any>,
  input: Record<string, unknown>,
) => runPublisher(action, { scratch: scratch.path, files: WORKSPACE, input });

describe('publish:github:pull-request against recorded GitHub API exchanges', () => {
  it('sends the description as the pull request body and the trailers in the commit message', async () => {
    const server = await startForgeReplay(
      loadExchanges('github', 'createPullRequest').exchanges,
    );
    replay = server;
    const integrations = ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          github: [
            {
              host: 'github.example.test',
              apiBaseUrl: server.url,
              token: 'ghp_gatehouse_test',
            },
          ],
        },
      }),
    );
    const outputs = await run(
      createPublishGithubPullRequestAction({ integrations }),
      {
        repoUrl:
          'github.example.test?owner=platform&repo=orchestrator-api-perf-test',
        branchName: 'gatehouse/req-7',
        targetBranchName: 'main',
        title,
        description,
        commitMessage: withChangeTrailers(title, change),
        // The stock action only deletes the files it is told to.
        filesToDelete: ['terraform/cache.tf'],
      },
    );

    expectEveryExchangeUsed(server);
    const commit = server.requestFor(
      'POST',
      '/repos/platform/orchestrator-api-perf-test/git/commits',
    )!.body as { message: string };
    expect(commit.message).toBe(withChangeTrailers(title, change));
    expect(changeTrailersOf(commit.message)).toEqual([change]);
    const pull = server.requestFor(
      'POST',
      '/repos/platform/orchestrator-api-perf-test/pulls',
    )!.body;
    expect(pull).toEqual({
      head: 'platform:gatehouse/req-7',
      base: 'main',
      title,
      body: description,
      draft: false,
    });
    expect(outputs).toEqual({
      targetBranchName: 'main',
      remoteUrl:
        'https://github.example.test/platform/orchestrator-api-perf-test/pull/42',
      pullRequestNumber: 42,
    });
  });
});

describe('publish:gitlab:merge-request against recorded GitLab API exchanges', () => {
  it('sends the description as the merge request description; the commit message is the title, so the trailers must ride in it', async () => {
    const server = await startForgeReplay(
      loadExchanges('gitlab', 'createMergeRequest').exchanges,
    );
    replay = server;
    const integrations = ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          gitlab: [
            {
              host: 'gitlab.example.test',
              baseUrl: server.url,
              apiBaseUrl: `${server.url}/api/v4`,
              token: 'glpat-gatehouse-test',
            },
          ],
        },
      }),
    );
    // publish:gitlab:merge-request has no commitMessage input: it commits
    // with the title, so a template that wants the trailers in the commit
    // has to put them in the title.
    const titleWithTrailers = withChangeTrailers(title, change);
    const outputs = await run(
      createPublishGitlabMergeRequestAction({ integrations }),
      {
        repoUrl:
          'gitlab.example.test?owner=platform&repo=orchestrator-api-perf-test',
        branchName: 'gatehouse/req-7',
        targetBranchName: 'main',
        title: titleWithTrailers,
        description,
      },
    );

    expectEveryExchangeUsed(server);
    const commit = server.requestFor(
      'POST',
      '/api/v4/projects/platform%2Forchestrator-api-perf-test/repository/commits',
    )!.body as { commit_message: string };
    expect(commit.commit_message).toBe(titleWithTrailers);
    expect(changeTrailersOf(commit.commit_message)).toEqual([change]);
    const mergeRequest = server.requestFor(
      'POST',
      '/api/v4/projects/platform%2Forchestrator-api-perf-test/merge_requests',
    )!.body;
    expect(mergeRequest).toEqual({
      source_branch: 'gatehouse/req-7',
      target_branch: 'main',
      title: titleWithTrailers,
      description,
      remove_source_branch: false,
    });
    expect(outputs).toEqual({
      projectid: 'platform/orchestrator-api-perf-test',
      projectPath: 'platform/orchestrator-api-perf-test',
      targetBranchName: 'main',
      mergeRequestUrl:
        'https://gitlab.example.test/platform/orchestrator-api-perf-test/-/merge_requests/12',
    });
  });

  it('opens the merge request for the branch Gatehouse pushed with its trailers, committing nothing itself (commitAction skip, as apply-environment-change does)', async () => {
    const server = await startForgeReplay(
      loadExchanges('gitlab', 'mergeRequestForPushedBranch').exchanges,
    );
    replay = server;
    const integrations = ScmIntegrations.fromConfig(
      new ConfigReader({
        integrations: {
          gitlab: [
            {
              host: 'gitlab.example.test',
              baseUrl: server.url,
              apiBaseUrl: `${server.url}/api/v4`,
              token: 'glpat-gatehouse-test',
            },
          ],
        },
      }),
    );
    const outputs = await run(
      createPublishGitlabMergeRequestAction({ integrations }),
      {
        repoUrl:
          'gitlab.example.test?owner=platform&repo=orchestrator-api-perf-test',
        branchName: 'gatehouse/req-7',
        targetBranchName: 'main',
        title,
        description,
        commitAction: 'skip',
      },
    );
    expectEveryExchangeUsed(server);
    expect(
      server.requestFor(
        'POST',
        '/api/v4/projects/platform%2Forchestrator-api-perf-test/repository/commits',
      ),
    ).toBeUndefined();
    expect(
      server.requestFor(
        'POST',
        '/api/v4/projects/platform%2Forchestrator-api-perf-test/merge_requests',
      )!.body,
    ).toEqual({
      source_branch: 'gatehouse/req-7',
      target_branch: 'main',
      title,
      description,
      remove_source_branch: false,
    });
    expect(outputs.mergeRequestUrl).toBe(
      'https://gitlab.example.test/platform/orchestrator-api-perf-test/-/merge_requests/12',
    );
  });
});
