import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  changeTrailersOf,
  withChangeTrailers,
} from '@gatehouse/plugin-infra-plans-common';
import { gitAuthFor } from '@gatehouse/plugin-infra-plans-node';
import { GitServer, startGitServer } from '@gatehouse/test-utils/gitServer';
import {
  ForgeReplay,
  loadExchanges,
  startForgeReplay,
} from '../__testUtils__/forgeReplay';
import { runPublisher } from '../__testUtils__/runPublisher';
import {
  createPublishGiteaPullRequestAction,
  giteaCloneUrl,
} from './publishGiteaPullRequest';

/*
 * gatehouse:publish:gitea:pull-request with its git push going to a real
 * git server on 127.0.0.1 (which asks for the Gitea integration's user and
 * password) and its Gitea API calls to a loopback server answering recorded
 * exchanges of Gitea's REST API (src/__fixtures__/forgeExchanges/gitea).
 * The integration's host is the git server's and its baseUrl the replay
 * server's: the clone URL takes its host from the repoUrl, the API calls go
 * to baseUrl.
 */

const GITEA_USER = { username: 'gatehouse-bot', password: 'gitea-s3cret' };
const REPOSITORY = 'platform/orchestrator-api-perf-test';
const change = { requestId: 'req-7', contentHash: '0f'.repeat(32) };
const title = 'Scale perf-test for the launch';
const description = 'node group max 6 → 12\n\nApproved in Gatehouse.';

const MAIN = {
  'catalog-info.yaml': 'kind: Resource\n',
  'terraform/eks.tf': 'max_size = 6\n',
  'terraform/cache.tf': 'cache\n',
};
const CHANGED = {
  'catalog-info.yaml': 'kind: Resource\n',
  'terraform/eks.tf': 'max_size = 12\n',
};

let server: GitServer;
let replay: ForgeReplay | undefined;
const scratch = createMockDirectory();

beforeAll(async () => {
  server = await startGitServer({ basicAuth: GITEA_USER });
  await server.createRepository(REPOSITORY, { initialFiles: MAIN });
});
afterAll(() => server?.stop());
afterEach(async () => {
  await replay?.stop();
  replay = undefined;
});

const gitHost = () => `127.0.0.1:${server.port}`;
const repoUrl = () =>
  `${gitHost()}?owner=platform&repo=orchestrator-api-perf-test`;

function actionFor(baseUrl: string) {
  const config = new ConfigReader({
    integrations: {
      gitea: [{ host: gitHost(), baseUrl, ...GITEA_USER }],
    },
  });
  return createPublishGiteaPullRequestAction({
    integrations: ScmIntegrations.fromConfig(config),
    gitAuth: url => gitAuthFor(config, url),
  });
}

async function replaying(fixture: string) {
  replay = await startForgeReplay(loadExchanges('gitea', fixture).exchanges);
  return replay;
}

function expectEveryExchangeUsed(api: ForgeReplay) {
  expect(api.unexpected.map(r => `${r.method} ${r.path}`)).toEqual([]);
  expect(api.unused().map(e => e.note)).toEqual([]);
}

const git = (args: string[]) =>
  server.git(REPOSITORY, args).then(out => out.trim());

describe('gatehouse:publish:gitea:pull-request against recorded Gitea API exchanges', () => {
  it('pushes the branch to the repository’s git URL and opens a pull request for it with the title and description', async () => {
    const api = await replaying('createPullRequest');
    const mainBefore = await git(['rev-parse', 'main']);

    const outputs = await runPublisher(actionFor(api.url), {
      scratch: scratch.path,
      files: CHANGED,
      input: {
        repoUrl: repoUrl(),
        branchName: 'gatehouse/req-7',
        title,
        description,
        commitMessage: withChangeTrailers(title, change),
      },
    });

    expectEveryExchangeUsed(api);
    expect(
      api.requestFor(
        'POST',
        '/api/v1/repos/platform/orchestrator-api-perf-test/pulls',
      )!.body,
    ).toEqual({
      head: 'gatehouse/req-7',
      base: 'main',
      title,
      body: description,
    });
    expect(outputs).toEqual({
      pullRequestUrl:
        'https://gitea.example.com/platform/orchestrator-api-perf-test/pulls/7',
      pullRequestNumber: 7,
      commitHash: expect.stringMatching(/^[0-9a-f]{40}$/),
      branchName: 'gatehouse/req-7',
    });

    // The branch on the git server: the workspace on main, with the trailers.
    expect(await git(['rev-parse', 'gatehouse/req-7'])).toBe(
      outputs.commitHash,
    );
    expect(await git(['rev-parse', 'gatehouse/req-7^'])).toBe(mainBefore);
    expect(await git(['ls-tree', '-r', '--name-only', 'gatehouse/req-7'])).toBe(
      'catalog-info.yaml\nterraform/eks.tf',
    );
    const message = await server.git(REPOSITORY, [
      'log',
      '-1',
      '--format=%B',
      'gatehouse/req-7',
    ]);
    expect(changeTrailersOf(message)).toEqual([change]);
    expect(await git(['rev-parse', 'main'])).toBe(mainBefore);
  });

  it('uses the open pull request Gitea already has for the branch (its 409)', async () => {
    const api = await replaying('existingPullRequest');
    // Someone opened it for a branch made at main, before the change was pushed.
    await server.git(REPOSITORY, ['branch', 'gatehouse/req-8', 'main']);

    const outputs = await runPublisher(actionFor(api.url), {
      scratch: scratch.path,
      files: CHANGED,
      input: {
        repoUrl: repoUrl(),
        branchName: 'gatehouse/req-8',
        title,
        description,
      },
    });

    expectEveryExchangeUsed(api);
    expect(outputs).toMatchObject({
      pullRequestUrl:
        'https://gitea.example.com/platform/orchestrator-api-perf-test/pulls/9',
      pullRequestNumber: 9,
      branchName: 'gatehouse/req-8',
    });
    expect(await git(['rev-parse', 'gatehouse/req-8'])).toBe(
      outputs.commitHash,
    );
    // Without a commitMessage the commit is titled like the pull request.
    expect(await git(['log', '-1', '--format=%B', 'gatehouse/req-8'])).toBe(
      title,
    );
  });

  it('in a dry run pushes nothing and calls no API', async () => {
    const api = await replaying('createPullRequest');
    const outputs = await runPublisher(actionFor(api.url), {
      scratch: scratch.path,
      files: CHANGED,
      input: {
        repoUrl: repoUrl(),
        branchName: 'gatehouse/req-dry',
        title,
        description,
      },
      isDryRun: true,
    });
    expect(api.received).toEqual([]);
    expect(outputs).toEqual({
      pullRequestUrl: `${api.url}/platform/orchestrator-api-perf-test/pulls`,
      pullRequestNumber: 0,
      commitHash: 'dry-run',
      branchName: 'gatehouse/req-dry',
    });
    await expect(
      git(['rev-parse', '--verify', 'refs/heads/gatehouse/req-dry']),
    ).rejects.toThrow(/Needed a single revision/);
  });

  it('refuses a host without an integrations.gitea entry, naming it', async () => {
    await expect(
      runPublisher(actionFor('http://127.0.0.1:9'), {
        scratch: scratch.path,
        files: CHANGED,
        input: {
          repoUrl: 'gitea.elsewhere.test?owner=platform&repo=app',
          branchName: 'gatehouse/req-7',
          title,
        },
      }),
    ).rejects.toThrow(
      'No integrations.gitea entry for gitea.elsewhere.test: Gitea pull requests need its baseUrl, username and password',
    );
  });
});

describe('giteaCloneUrl', () => {
  it('is <baseUrl>/<owner>/<repo>.git when the host is baseUrl’s, keeping a path Gitea is served under', () => {
    expect(
      giteaCloneUrl(
        { baseUrl: 'https://gitea.example.com', host: 'gitea.example.com' },
        'platform',
        'app',
      ),
    ).toBe('https://gitea.example.com/platform/app.git');
    expect(
      giteaCloneUrl(
        { baseUrl: 'http://example.com/gitea/', host: 'example.com' },
        'platform',
        'app',
      ),
    ).toBe('http://example.com/gitea/platform/app.git');
  });

  it('takes the host (and port) from the repository, the scheme from baseUrl', () => {
    expect(
      giteaCloneUrl(
        { baseUrl: 'http://127.0.0.1:4000', host: '127.0.0.1:3000' },
        'platform',
        'app',
      ),
    ).toBe('http://127.0.0.1:3000/platform/app.git');
  });
});
