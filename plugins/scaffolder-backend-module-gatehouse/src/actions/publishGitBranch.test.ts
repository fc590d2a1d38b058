import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  changeTrailersOf,
  withChangeTrailers,
} from '@gatehouse/plugin-infra-plans-common';
import { gitAuthFor } from '@gatehouse/plugin-infra-plans-node';
import { GitServer, startGitServer } from '@gatehouse/test-utils/gitServer';
import { runPublisher } from '../__testUtils__/runPublisher';
import { createPublishGitBranchAction } from './publishGitBranch';

/*
 * gatehouse:publish:git-branch against a real git server on 127.0.0.1
 * (git http-backend behind nginx) that asks for a user name and password:
 * the action finds them the way the module gives them to it, through
 * gitAuthFor and gatehouse.environments.gitRemotes.
 */

const CREDENTIALS = { username: 'gatehouse', password: 's3cret-push' };
const change = { requestId: 'req-7', contentHash: 'cd'.repeat(32) };
const message = withChangeTrailers('Scale perf-test for the launch', change);

/** main of the environment's repository. */
const MAIN = {
  'catalog-info.yaml': 'kind: Resource\n',
  'terraform/eks.tf': 'max_size = 6\n',
  'terraform/cache.tf': 'cache\n',
};
/** The workspace after the change: eks.tf changed, cache.tf gone, queue.tf new. */
const CHANGED = {
  'catalog-info.yaml': 'kind: Resource\n',
  'terraform/eks.tf': 'max_size = 12\n',
  'terraform/queue.tf': 'queue\n',
};

let server: GitServer;
const scratch = createMockDirectory();
let repositories = 0;

beforeAll(async () => {
  server = await startGitServer({ basicAuth: CREDENTIALS });
});
afterAll(() => server?.stop());

function actionWith(remotes: Array<Record<string, string>>) {
  const config = new ConfigReader({
    gatehouse: { environments: { gitRemotes: remotes } },
  });
  return createPublishGitBranchAction({
    gitAuth: url => gitAuthFor(config, url),
  });
}
const action = () =>
  actionWith([{ host: `127.0.0.1:${server.port}`, ...CREDENTIALS }]);

async function newRepository() {
  repositories += 1;
  const name = `platform/perf-test-${repositories}`;
  const repo = await server.createRepository(name, { initialFiles: MAIN });
  return { name, url: repo.url };
}

async function propose(
  remoteUrl: string,
  files: Record<string, string>,
  input: Record<string, unknown> = {},
  options: { isDryRun?: boolean; publisher?: ReturnType<typeof action> } = {},
) {
  return runPublisher(options.publisher ?? action(), {
    scratch: scratch.path,
    files,
    input: {
      remoteUrl,
      branchName: 'gatehouse/req-7',
      commitMessage: message,
      ...input,
    },
    isDryRun: options.isDryRun,
  });
}

const git = (repo: string, args: string[]) =>
  server.git(repo, args).then(out => out.trim());
const branches = (repo: string) =>
  git(repo, ['for-each-ref', '--format=%(refname:short)', 'refs/heads']);

describe('gatehouse:publish:git-branch', () => {
  it('pushes a branch made from main whose files are the workspace’s (files it lacks deleted), with the message and its trailers as given; main is untouched', async () => {
    const repo = await newRepository();
    const mainBefore = await git(repo.name, ['rev-parse', 'main']);

    const outputs = await propose(repo.url, CHANGED, {
      gitAuthorName: 'Alice Example',
      gitAuthorEmail: 'alice@example.com',
    });

    expect(outputs).toEqual({
      branchName: 'gatehouse/req-7',
      commitHash: expect.stringMatching(/^[0-9a-f]{40}$/),
      remoteUrl: repo.url,
      branchUrl: `${repo.url}#gatehouse/req-7`,
    });
    expect(await git(repo.name, ['rev-parse', 'gatehouse/req-7'])).toBe(
      outputs.commitHash,
    );
    expect(await git(repo.name, ['rev-parse', 'gatehouse/req-7^'])).toBe(
      mainBefore,
    );
    expect(
      await git(repo.name, ['ls-tree', '-r', '--name-only', 'gatehouse/req-7']),
    ).toBe(
      ['catalog-info.yaml', 'terraform/eks.tf', 'terraform/queue.tf'].join(
        '\n',
      ),
    );
    expect(
      await git(repo.name, ['show', 'gatehouse/req-7:terraform/eks.tf']),
    ).toBe('max_size = 12');
    const body = await server.git(repo.name, [
      'log',
      '-1',
      '--format=%an <%ae>%n%B',
      'gatehouse/req-7',
    ]);
    expect(body).toBe(`Alice Example <alice@example.com>\n${message}\n`);
    expect(changeTrailersOf(body)).toEqual([change]);

    expect(await git(repo.name, ['rev-parse', 'main'])).toBe(mainBefore);
    expect(await git(repo.name, ['ls-tree', '-r', '--name-only', 'main'])).toBe(
      Object.keys(MAIN).sort().join('\n'),
    );
  });

  it('refuses, naming the target branch, a workspace that equals it: here after the change was merged', async () => {
    const repo = await newRepository();
    await propose(repo.url, CHANGED);
    await server.merge(repo.name, { from: 'gatehouse/req-7', into: 'main' });

    await expect(
      propose(repo.url, CHANGED, { branchName: 'gatehouse/req-8' }),
    ).rejects.toThrow(/^Nothing to propose: the workspace equals main of /);
    expect(await branches(repo.name)).toBe('gatehouse/req-7\nmain');
  });

  it('does not replace a branch with commits the target branch lacks, and moves one that is behind it forward', async () => {
    const repo = await newRepository();
    const first = await propose(repo.url, CHANGED);

    await expect(
      propose(repo.url, { ...CHANGED, 'terraform/eks.tf': 'max_size = 24\n' }),
    ).rejects.toThrow(
      /already has a branch gatehouse\/req-7 \(at [0-9a-f]{12}\) with commits main does not have: .*nothing was pushed/,
    );
    expect(await git(repo.name, ['rev-parse', 'gatehouse/req-7'])).toBe(
      first.commitHash,
    );

    // A branch someone made from main before main moved on, with nothing of
    // its own: the new commit on main's head is a fast-forward of it.
    await server.git(repo.name, ['branch', 'gatehouse/req-9', 'main']);
    await server.commit(repo.name, {
      branch: 'main',
      files: { 'README.md': 'The perf-test environment\n' },
      message: 'Say what this is',
    });
    const moved = await propose(repo.url, CHANGED, {
      branchName: 'gatehouse/req-9',
    });
    expect(await git(repo.name, ['rev-parse', 'gatehouse/req-9'])).toBe(
      moved.commitHash,
    );
    expect(await git(repo.name, ['rev-parse', 'gatehouse/req-9^'])).toBe(
      await git(repo.name, ['rev-parse', 'main']),
    );
  });

  it('in a dry run says what it would do and pushes nothing', async () => {
    const repo = await newRepository();
    const outputs = await propose(repo.url, CHANGED, {}, { isDryRun: true });
    expect(outputs).toEqual({
      branchName: 'gatehouse/req-7',
      commitHash: 'dry-run',
      remoteUrl: repo.url,
      branchUrl: `${repo.url}#gatehouse/req-7`,
    });
    expect(await branches(repo.name)).toBe('main');
  });

  it('fails with the server’s 401 and where to configure credentials when none are configured for the host', async () => {
    const repo = await newRepository();
    await expect(
      propose(repo.url, CHANGED, {}, { publisher: actionWith([]) }),
    ).rejects.toThrow(
      new RegExp(
        `401.*no credentials are configured for 127\\.0\\.0\\.1:${server.port}: add it to integrations or gatehouse\\.environments\\.gitRemotes`,
        's',
      ),
    );
    expect(await branches(repo.name)).toBe('main');
  });
});
