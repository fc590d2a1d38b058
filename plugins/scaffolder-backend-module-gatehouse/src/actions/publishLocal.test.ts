import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
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
