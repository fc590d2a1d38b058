import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { GitServer, startGitServer } from './gitServer';
import { runGit } from './gitServer/runGit';
import { TEST_NOW } from './testClock';

// The git CLI on the client side: the same clean environment the server's
// helpers use, so the machine's git configuration cannot change the results.
const client = (cwd: string, args: string[], input?: string) =>
  runGit('git', args, { cwd, input, date: TEST_NOW }).then(r => r.stdout);

const ALICE = { name: 'Alice Example', email: 'alice@example.invalid' };

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'git-server-test-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));
const clientDirectory = () => mkdtemp(join(scratch, 'client-'));

describe('startGitServer (anonymous)', () => {
  let server: GitServer;
  beforeAll(async () => {
    server = await startGitServer();
  });
  afterAll(() => server?.stop());

  const head = async (repo: string, branch: string) =>
    (await server.git(repo, ['rev-parse', `refs/heads/${branch}`])).trim();

  it('serves a repository with a first commit to git clone over HTTP', async () => {
    const repo = await server.createRepository('team/app', {
      initialFiles: {
        'README.md': '# app\n',
        'deploy/values.yaml': 'replicas: 2\n',
      },
      message: 'Start the app',
      author: ALICE,
      date: TEST_NOW,
    });
    expect(repo.url).toBe(`${server.url}/team/app.git`);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(repo.path).toBe(join(server.root, 'team/app.git'));

    const dir = await clientDirectory();
    await client(dir, ['clone', '--quiet', repo.url, 'app']);
    const clone = join(dir, 'app');
    expect(await readFile(join(clone, 'deploy/values.yaml'), 'utf8')).toBe(
      'replicas: 2\n',
    );
    expect(await client(clone, ['symbolic-ref', 'HEAD'])).toBe(
      'refs/heads/main\n',
    );
    expect(
      await client(clone, ['log', '--format=%an <%ae>|%aI|%s', 'HEAD']),
    ).toBe(
      'Alice Example <alice@example.invalid>|2026-12-07T12:00:00+00:00|Start the app\n',
    );
    // The bare repository keeps no index from the first commit's work tree.
    expect(fs.existsSync(join(repo.path, 'index'))).toBe(false);
  });

  it('accepts a branch pushed anonymously with git push over HTTP', async () => {
    const repo = await server.createRepository('pushed', {
      initialFiles: { 'a.txt': 'a\n' },
    });
    const dir = await clientDirectory();
    await client(dir, ['clone', '--quiet', repo.url, 'work']);
    const clone = join(dir, 'work');
    await client(clone, ['checkout', '--quiet', '-b', 'feature/scale']);
    await writeFile(join(clone, 'b.txt'), 'b\n');
    await client(clone, ['add', 'b.txt']);
    await client(clone, ['commit', '--quiet', '-m', 'Add b']);
    const pushed = (await client(clone, ['rev-parse', 'HEAD'])).trim();

    await client(clone, ['push', '--quiet', 'origin', 'feature/scale']);

    const refs = await server.git('pushed', [
      'for-each-ref',
      '--format=%(refname) %(objectname)',
      'refs/heads/',
    ]);
    expect(refs).toContain(`refs/heads/feature/scale ${pushed}\n`);
    expect(await server.git('pushed', ['show', `${pushed}:b.txt`])).toBe('b\n');
  });

  it('takes a push larger than git’s 1 MiB post buffer (a chunked request body)', async () => {
    const big = randomBytes(3 * 1024 * 1024).toString('base64');
    const commit = await server.commit(
      await server.createRepository('large').then(r => r.name),
      { branch: 'main', files: { 'blob.txt': big }, message: 'A large file' },
    );
    expect(await server.git('large', ['rev-parse', 'refs/heads/main'])).toBe(
      `${commit}\n`,
    );
    expect(await server.git('large', ['show', `${commit}:blob.txt`])).toBe(big);
  });

  it('commit() branches from main, changes and deletes files and pushes', async () => {
    await server.createRepository('changes', {
      initialFiles: { 'keep.txt': 'keep\n', 'drop.txt': 'drop\n' },
    });
    const main = await head('changes', 'main');

    const commit = await server.commit('changes', {
      branch: 'change/cr-7',
      files: { 'drop.txt': null, 'dir/new.txt': 'new\n' },
      message: 'Change things',
      author: ALICE,
      date: TEST_NOW,
    });

    expect(await head('changes', 'change/cr-7')).toBe(commit);
    expect(await head('changes', 'main')).toBe(main);
    expect(
      await server.git('changes', [
        'log',
        '-1',
        '--format=%P|%an|%cI|%B',
        commit,
      ]),
    ).toBe(`${main}|Alice Example|2026-12-07T12:00:00+00:00|Change things\n\n`);
    expect(
      await server.git('changes', ['ls-tree', '-r', '--name-only', commit]),
    ).toBe('dir/new.txt\nkeep.txt\n');

    // A second commit on the now existing branch builds on the first.
    const second = await server.commit('changes', {
      branch: 'change/cr-7',
      files: { 'keep.txt': 'kept\n' },
      message: 'Edit keep',
    });
    expect(await server.git('changes', ['rev-parse', `${second}^`])).toBe(
      `${commit}\n`,
    );
  });

  it('commit() makes the first commit of an empty repository', async () => {
    await server.createRepository('empty');
    const commit = await server.commit('empty', {
      branch: 'main',
      files: { 'first.txt': '1\n' },
      message: 'First',
    });
    expect(await head('empty', 'main')).toBe(commit);
    expect(
      await server.git('empty', ['rev-list', '--count', 'refs/heads/main']),
    ).toBe('1\n');
  });

  it('merge() makes a merge commit on main with both heads as parents', async () => {
    await server.createRepository('merging', {
      initialFiles: { 'app.yaml': 'replicas: 2\n' },
    });
    const feature = await server.commit('merging', {
      branch: 'feature',
      files: { 'app.yaml': 'replicas: 3\n' },
      message: 'Scale to 3',
    });
    // main moves on meanwhile, so the merge is a real three-way merge.
    const mainBefore = await server.commit('merging', {
      branch: 'main',
      files: { 'other.txt': 'other\n' },
      message: 'Unrelated',
    });

    const merged = await server.merge('merging', {
      from: 'feature',
      into: 'main',
      date: TEST_NOW,
    });

    expect(await head('merging', 'main')).toBe(merged);
    expect(
      await server.git('merging', ['log', '-1', '--format=%P|%s|%cI', merged]),
    ).toBe(
      `${mainBefore} ${feature}|Merge branch 'feature' into main|2026-12-07T12:00:00+00:00\n`,
    );
    expect(await server.git('merging', ['show', `${merged}:app.yaml`])).toBe(
      'replicas: 3\n',
    );
    expect(await server.git('merging', ['show', `${merged}:other.txt`])).toBe(
      'other\n',
    );
    // The merged branch stays unless deleteBranch is asked for.
    expect(await head('merging', 'feature')).toBe(feature);
  });

  it('squash merge keeps the branch commit’s message body and trailers', async () => {
    await server.createRepository('squashing', {
      initialFiles: { 'app.yaml': 'replicas: 2\n' },
    });
    const main = await head('squashing', 'main');
    const change = await server.commit('squashing', {
      branch: 'change/cr-1',
      files: { 'app.yaml': 'replicas: 5\n' },
      message:
        'Scale the API to 5 replicas\n\nLoad grew.\n\nGatehouse-Change: cr-1\n',
      author: ALICE,
    });

    const squashed = await server.merge('squashing', {
      from: 'change/cr-1',
      into: 'main',
      squash: true,
      deleteBranch: true,
      merger: { name: 'Forge', email: 'forge@example.invalid' },
      date: TEST_NOW,
    });

    expect(squashed).not.toBe(change);
    // Authored by who wrote the change, committed by who merged it.
    expect(
      await server.git('squashing', [
        'log',
        '-1',
        '--format=%an|%cn|%cI',
        squashed,
      ]),
    ).toBe('Alice Example|Forge|2026-12-07T12:00:00+00:00\n');
    expect(await head('squashing', 'main')).toBe(squashed);
    expect(
      await server.git('squashing', ['log', '-1', '--format=%P', squashed]),
    ).toBe(`${main}\n`);
    expect(
      await server.git('squashing', ['log', '-1', '--format=%B', squashed]),
    ).toBe(
      'Scale the API to 5 replicas\n\nLoad grew.\n\nGatehouse-Change: cr-1\n\n',
    );
    // git itself reads the line as a trailer of the squash commit.
    expect(
      await server.git('squashing', [
        'log',
        '-1',
        '--format=%(trailers:key=Gatehouse-Change,valueonly)',
        squashed,
      ]),
    ).toBe('cr-1\n\n');
    expect(
      await server.git('squashing', ['show', `${squashed}:app.yaml`]),
    ).toBe('replicas: 5\n');
    expect(
      await server.git('squashing', ['for-each-ref', 'refs/heads/change/']),
    ).toBe('');
  });

  it('merge() refuses conflicts and an already merged branch, leaving main as it was', async () => {
    await server.createRepository('conflicts', {
      initialFiles: { 'app.yaml': 'replicas: 2\n' },
    });
    await server.commit('conflicts', {
      branch: 'left',
      files: { 'app.yaml': 'replicas: 3\n' },
      message: 'Left',
    });
    const main = await server.commit('conflicts', {
      branch: 'main',
      files: { 'app.yaml': 'replicas: 4\n' },
      message: 'Right',
    });

    await expect(
      server.merge('conflicts', { from: 'left', into: 'main' }),
    ).rejects.toThrow(/Merging left into main conflicts:[\s\S]*app\.yaml/);
    await expect(
      server.merge('conflicts', { from: 'main', into: 'main' }),
    ).rejects.toThrow('Nothing to merge: main has no commit that main lacks');
    expect(await head('conflicts', 'main')).toBe(main);
  });

  it('serves isomorphic-git’s clone and fetch (how Gatehouse’s backend reads remotes)', async () => {
    const repo = await server.createRepository('iso', {
      initialFiles: { 'catalog-info.yaml': 'kind: Component\n' },
    });
    const dir = await clientDirectory();

    await git.clone({ fs, http, dir, url: repo.url, singleBranch: true });

    expect(await git.resolveRef({ fs, dir, ref: 'HEAD' })).toBe(
      await head('iso', 'main'),
    );
    expect(await readFile(join(dir, 'catalog-info.yaml'), 'utf8')).toBe(
      'kind: Component\n',
    );

    const next = await server.commit('iso', {
      branch: 'main',
      files: { 'catalog-info.yaml': 'kind: System\n' },
      message: 'Now a system',
    });
    const fetched = await git.fetch({
      fs,
      http,
      dir,
      url: repo.url,
      ref: 'main',
    });
    expect(fetched.fetchHead).toBe(next);
    expect(
      await git.resolveRef({ fs, dir, ref: 'refs/remotes/origin/main' }),
    ).toBe(next);
    const { blob } = await git.readBlob({
      fs,
      dir,
      oid: next,
      filepath: 'catalog-info.yaml',
    });
    expect(Buffer.from(blob).toString('utf8')).toBe('kind: System\n');
  });
});

describe('startGitServer with basic auth', () => {
  const basicAuth = { username: 'gatehouse', password: 's3cret pass' };
  let server: GitServer;
  beforeAll(async () => {
    server = await startGitServer({ basicAuth });
  });
  afterAll(() => server?.stop());

  it('refuses anonymous clones and serves the user name and password', async () => {
    const repo = await server.createRepository('private', {
      initialFiles: { 'secret.txt': 'hidden\n' },
    });
    const dir = await clientDirectory();

    await expect(
      client(dir, ['clone', '--quiet', repo.url, 'anonymous']),
    ).rejects.toThrow(/401|Authentication failed|could not read Username/);

    const withCredentials = repo.url.replace(
      'http://',
      `http://${basicAuth.username}:${encodeURIComponent(basicAuth.password)}@`,
    );
    await client(dir, ['clone', '--quiet', withCredentials, 'authorized']);
    expect(await readFile(join(dir, 'authorized/secret.txt'), 'utf8')).toBe(
      'hidden\n',
    );
  });

  it('lets commit() push and isomorphic-git fetch with the credentials', async () => {
    await server.createRepository('private2', {
      initialFiles: { 'a.txt': 'a\n' },
    });
    const commit = await server.commit('private2', {
      branch: 'main',
      files: { 'a.txt': 'b\n' },
      message: 'Change a',
    });
    const dir = await clientDirectory();
    await expect(
      git.clone({ fs, http, dir, url: server.repositoryUrl('private2') }),
    ).rejects.toThrow(/401/);
    await git.clone({
      fs,
      http,
      dir,
      url: server.repositoryUrl('private2'),
      onAuth: () => basicAuth,
    });
    expect(await git.resolveRef({ fs, dir, ref: 'HEAD' })).toBe(commit);
  });
});

describe('GitServer.stop', () => {
  it('frees the port and deletes the repositories', async () => {
    const server = await startGitServer();
    await server.createRepository('gone');
    const { port, root } = server;
    expect(
      (await fetch(`${server.url}/gone.git/info/refs?service=git-upload-pack`))
        .status,
    ).toBe(200);

    await server.stop();

    expect(fs.existsSync(root)).toBe(false);
    await expect(
      fetch(`${server.url}/gone.git/info/refs?service=git-upload-pack`),
    ).rejects.toThrow();
    const listener = createServer();
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(port, '127.0.0.1', resolve);
    });
    await new Promise(resolve => listener.close(resolve));
    // A second stop is harmless.
    await server.stop();
  });
});
