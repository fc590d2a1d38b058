import {
  changeTrailersOf,
  repositoryAnnotations,
  repositoryCloneUrl,
  repositoryOfEntity,
  repositoryWebUrl,
  withChangeTrailers,
} from './environmentRepository';

describe('the repository recorded on an environment entity', () => {
  it('round-trips through its annotations, the branch defaulting to main', () => {
    const repository = {
      kind: 'gitlab' as const,
      location:
        'gitlab.example.com?owner=payments&repo=payments-api-production',
      branch: 'trunk',
    };
    expect(repositoryOfEntity(repositoryAnnotations(repository))).toEqual(
      repository,
    );
    expect(
      repositoryOfEntity({ 'gatehouse.io/repository': 'local:shop-prod' }),
    ).toEqual({ kind: 'local', location: 'shop-prod', branch: 'main' });
    expect(repositoryOfEntity({})).toBeUndefined();
  });

  it('keeps the colons of a git URL in the location', () => {
    expect(
      repositoryOfEntity({
        'gatehouse.io/repository': 'git:http://127.0.0.1:8080/shop.git',
      }),
    ).toEqual({
      kind: 'git',
      location: 'http://127.0.0.1:8080/shop.git',
      branch: 'main',
    });
  });

  it('refuses a malformed annotation, saying what it must be', () => {
    expect(() =>
      repositoryOfEntity({ 'gatehouse.io/repository': 'svn:http://x' }),
    ).toThrow(/must be <kind>:<location> with kind one of local, git/);
    expect(() =>
      repositoryOfEntity({ 'gatehouse.io/repository': 'github:' }),
    ).toThrow(/got "github:"/);
  });

  it('knows the web and clone URLs of each kind', () => {
    const github = {
      kind: 'github' as const,
      location: 'github.com?owner=acme&repo=shop-prod',
      branch: 'main',
    };
    expect(repositoryWebUrl(github)).toBe('https://github.com/acme/shop-prod');
    expect(repositoryCloneUrl(github)).toBe(
      'https://github.com/acme/shop-prod.git',
    );
    const git = {
      kind: 'git' as const,
      location: 'http://git.internal/shop.git',
      branch: 'main',
    };
    expect(repositoryWebUrl(git)).toBe('http://git.internal/shop');
    expect(repositoryCloneUrl(git)).toBe('http://git.internal/shop.git');
    const local = { kind: 'local' as const, location: 'shop', branch: 'main' };
    expect(repositoryWebUrl(local)).toBeUndefined();
    expect(repositoryCloneUrl(local)).toBeUndefined();
    expect(() =>
      repositoryWebUrl({ ...github, location: 'github.com?owner=acme' }),
    ).toThrow(/host\?owner=<owner>&repo=<repo>/);
  });
});

describe('change trailers', () => {
  const hash = 'a'.repeat(64);

  it('are appended after a blank line and read back', () => {
    const message = withChangeTrailers('Raise the node group max  \n', {
      requestId: 'cr-1',
      contentHash: hash,
    });
    expect(message).toBe(
      `Raise the node group max\n\nGatehouse-Change: cr-1\nGatehouse-Hash: ${hash}\n`,
    );
    expect(changeTrailersOf(message)).toEqual([
      { requestId: 'cr-1', contentHash: hash },
    ]);
  });

  it('reads every change a squash merge message keeps, pairing each hash with its change', () => {
    const squash = [
      'Squashed (#12)',
      '',
      '* one',
      `Gatehouse-Change: cr-1`,
      `Gatehouse-Hash: ${hash}`,
      '* two',
      'gatehouse-change: cr-2',
    ].join('\n');
    expect(changeTrailersOf(squash)).toEqual([
      { requestId: 'cr-1', contentHash: hash },
      { requestId: 'cr-2' },
    ]);
    expect(changeTrailersOf('Fix a typo by hand')).toEqual([]);
  });
});
