import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  changeTrailersOf,
  withChangeTrailers,
} from '@gatehouse/plugin-infra-plans-common';
import { gitAuthFor } from '@gatehouse/plugin-infra-plans-node';
import { GitServer, startGitServer } from '@gatehouse/test-utils/gitServer';
import git from 'isomorphic-git';
import fs from 'node:fs';
import { join } from 'node:path';
import { createPublishLocalAction } from './publishLocal';

describe('gatehouse:publish:local', () => {
  const repositories = createMockDirectory();
  const workspace = createMockDirectory();
  const announce = jest.fn(async () => {});
  const action = createPublishLocalAction({
    directory: repositories.path,
    announce,
  });

  beforeEach(() => {
    repositories.clear();
    announce.mockClear();
  });

  async function publish(files: Record<string, string>, message?: string) {
    workspace.clear();
    workspace.setContent(files);
    const ctx = createMockActionContext({
      input: { repoName: 'orchestrator-api-perf-test', commitMessage: message },
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);
    return ctx.output as jest.Mock;
  }

  it('creates a git repository, commits the workspace and registers its catalog-info.yaml; later runs add commits', async () => {
    const first = await publish(
      {
        'catalog-info.yaml':
          'apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: orchestrator-api-perf-test\n',
        'terraform/eks.tf': 'max_size = 3\n',
        'terraform/cache.tf': 'cache\n',
      },
      'perf-test environment',
    );
    const dir = join(repositories.path, 'orchestrator-api-perf-test');
    expect(first).toHaveBeenCalledWith('created', true);
    expect(first).toHaveBeenCalledWith(
      'entityRef',
      'resource:default/orchestrator-api-perf-test',
    );
    expect(announce).toHaveBeenCalledWith({
      repository: dir,
      commitHash: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    let log = await git.log({ fs, dir });
    expect(log.map(c => c.commit.message.trim())).toEqual([
      'perf-test environment',
    ]);

    // A change: one file edited, one gone.
    const second = await publish(
      {
        'catalog-info.yaml': 'kind: Resource\n',
        'terraform/eks.tf': 'max_size = 6\n',
      },
      'room for the launch',
    );
    expect(second).toHaveBeenCalledWith('created', false);
    log = await git.log({ fs, dir });
    expect(log.map(c => c.commit.message.trim())).toEqual([
      'room for the launch',
      'perf-test environment',
    ]);
    expect(fs.readFileSync(join(dir, 'terraform/eks.tf'), 'utf8')).toBe(
      'max_size = 6\n',
    );
    expect(fs.existsSync(join(dir, 'terraform/cache.tf'))).toBe(false);
    const tracked = await git.listFiles({ fs, dir });
    expect(tracked.sort()).toEqual(['catalog-info.yaml', 'terraform/eks.tf']);
    expect(announce).toHaveBeenCalledTimes(2);

    // The same content again makes no empty commit.
    await publish({
      'catalog-info.yaml': 'kind: Resource\n',
      'terraform/eks.tf': 'max_size = 6\n',
    });
    expect((await git.log({ fs, dir })).length).toBe(2);
  });

  it('refuses to work when no folder is configured, and names the setting', async () => {
    const unconfigured = createPublishLocalAction({ announce });
    const ctx = createMockActionContext({
      input: { repoName: 'x' },
      workspacePath: workspace.path,
    });
    await expect(unconfigured.handler(ctx as any)).rejects.toThrow(
      'gatehouse.environments.localPublisher.directory',
    );
  });
});

describe('gatehouse:publish:local with a remoteUrl', () => {
  const CREDENTIALS = { username: 'gatehouse', password: 'push-to-mirror' };
  const repositories = createMockDirectory();
  const workspace = createMockDirectory();
  const change = { requestId: 'req-3', contentHash: 'ef'.repeat(32) };
  let server: GitServer;
  let action: ReturnType<typeof createPublishLocalAction>;

  beforeAll(async () => {
    server = await startGitServer({ basicAuth: CREDENTIALS });
    const config = new ConfigReader({
      gatehouse: {
        environments: {
          gitRemotes: [{ host: `127.0.0.1:${server.port}`, ...CREDENTIALS }],
        },
      },
    });
    action = createPublishLocalAction({
      directory: repositories.path,
      announce: async () => {},
      gitAuth: url => gitAuthFor(config, url),
    });
  });
  afterAll(() => server?.stop());
  beforeEach(() => repositories.clear());

  async function publish(
    repoName: string,
    files: Record<string, string>,
    input: Record<string, unknown>,
    isDryRun = false,
  ) {
    workspace.clear();
    workspace.setContent(files);
    const ctx = {
      ...createMockActionContext({
        input: { repoName, ...input },
        workspacePath: workspace.path,
      }),
      // The mock knows no dry runs.
      isDryRun,
    };
    await action.handler(ctx as any);
    return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  }

  const remoteLog = (repo: string) =>
    server.git(repo, ['log', '--format=%s%n%b', 'main']);

  it('pushes main to the empty remote, made its origin, with the commit message and its trailers; later publishes push the next commits', async () => {
    const remote = await server.createRepository('platform/perf-test');
    const message = withChangeTrailers('perf-test environment', change);
    const outputs = await publish(
      'perf-test',
      {
        'catalog-info.yaml': 'kind: Resource\n',
        'terraform/eks.tf': 'max_size = 6\n',
      },
      { commitMessage: message, remoteUrl: remote.url },
    );
    const dir = join(repositories.path, 'perf-test');
    expect(outputs).toMatchObject({
      remoteUrl: remote.url,
      repoContentsUrl: dir,
      created: true,
    });
    // %s%n%b: the subject, then the body (the trailers) after the blank line.
    expect(await remoteLog(remote.name)).toBe(
      `perf-test environment\nGatehouse-Change: req-3\nGatehouse-Hash: ${change.contentHash}\n\n`,
    );
    expect(changeTrailersOf(await remoteLog(remote.name))).toEqual([change]);
    expect(
      await server.git(remote.name, ['rev-parse', 'main']).then(s => s.trim()),
    ).toBe(outputs.commitHash);
    expect(
      await server.git(remote.name, ['ls-tree', '-r', '--name-only', 'main']),
    ).toBe('catalog-info.yaml\nterraform/eks.tf\n');
    expect(await git.getConfig({ fs, dir, path: 'remote.origin.url' })).toBe(
      remote.url,
    );

    await publish(
      'perf-test',
      {
        'catalog-info.yaml': 'kind: Resource\n',
        'terraform/eks.tf': 'max_size = 12\n',
      },
      { commitMessage: 'room for the launch', remoteUrl: remote.url },
    );
    expect(await server.git(remote.name, ['log', '--format=%s', 'main'])).toBe(
      'room for the launch\nperf-test environment\n',
    );
    expect(
      await server.git(remote.name, ['show', 'main:terraform/eks.tf']),
    ).toBe('max_size = 12\n');
  });

  it('pushes to another branch of the remote when asked', async () => {
    const remote = await server.createRepository('platform/other-branch');
    await publish(
      'other-branch',
      { 'a.tf': 'a\n' },
      { remoteUrl: remote.url, remoteBranch: 'environments/perf-test' },
    );
    expect(
      await server.git(remote.name, [
        'for-each-ref',
        '--format=%(refname:short)',
      ]),
    ).toBe('environments/perf-test\n');
  });

  it('refuses a remote whose main has commits of its own, and says so', async () => {
    const remote = await server.createRepository('platform/not-empty', {
      initialFiles: { 'README.md': 'someone else’s\n' },
    });
    const before = await server.git(remote.name, ['rev-parse', 'main']);
    await expect(
      publish('not-empty', { 'a.tf': 'a\n' }, { remoteUrl: remote.url }),
    ).rejects.toThrow(
      `${remote.url} refused main as its main: the remote's main has commits this repository does not have.`,
    );
    expect(await server.git(remote.name, ['rev-parse', 'main'])).toBe(before);
  });

  it('in a dry run pushes nothing and answers the remote', async () => {
    const remote = await server.createRepository('platform/dry-run');
    const outputs = await publish(
      'dry-run',
      { 'a.tf': 'a\n' },
      { remoteUrl: remote.url },
      true,
    );
    expect(outputs).toMatchObject({
      remoteUrl: remote.url,
      commitHash: 'dry-run',
    });
    expect(
      await server.git(remote.name, ['for-each-ref', '--format=%(refname)']),
    ).toBe('');
  });
});
