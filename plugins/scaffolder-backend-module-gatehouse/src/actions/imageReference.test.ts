import {
  formatImageReference,
  parseImageReference,
  unpinnedVersion,
  withVersion,
} from './imageReference';

const SHA = `sha256:${'a1'.repeat(32)}`;

describe('image references', () => {
  it.each([
    ['api', { name: 'api' }],
    ['api:1.4.2', { name: 'api', tag: '1.4.2' }],
    ['registry/app:1.4.2', { name: 'registry/app', tag: '1.4.2' }],
    [
      'ghcr.io/acme/orders-api:v2.0.0-rc.1',
      { name: 'ghcr.io/acme/orders-api', tag: 'v2.0.0-rc.1' },
    ],
    ['localhost:5000/api', { name: 'localhost:5000/api' }],
    [
      `registry.example.com:443/team/api:1.0@${SHA}`,
      { name: 'registry.example.com:443/team/api', tag: '1.0', digest: SHA },
    ],
    [`api@${SHA}`, { name: 'api', digest: SHA }],
    ['a__b/c.d/e--f:Tag_1', { name: 'a__b/c.d/e--f', tag: 'Tag_1' }],
  ])('reads %s', (reference, parts) => {
    expect(parseImageReference(reference)).toEqual(parts);
    expect(formatImageReference(parseImageReference(reference)!)).toBe(
      reference,
    );
  });

  it.each([
    ['an upper-case repository', 'ghcr.io/Acme/api:1.0'],
    ['a space', 'api :1.0'],
    ['an empty tag', 'api:'],
    ['a tag starting with a dot', 'api:.1'],
    ['a tag longer than 128 characters', `api:${'1'.repeat(129)}`],
    ['a short sha256 digest', `api@sha256:${'a'.repeat(40)}`],
    ['a digest without algorithm', `api@${'a'.repeat(64)}`],
    ['a trailing slash', 'ghcr.io/acme/'],
    ['a separator at the end of a component', 'ghcr.io/acme-/api'],
    ['a name over 255 characters', `${'a'.repeat(256)}:1.0`],
    ['nothing', ''],
  ])('refuses %s', (_what, reference) => {
    expect(parseImageReference(reference)).toBeUndefined();
  });

  it('puts a tag or a digest on the repository of an image', () => {
    const current = parseImageReference(`ghcr.io/acme/api:1.0@${SHA}`)!;
    expect(formatImageReference(withVersion(current, '1.4.2')!)).toBe(
      'ghcr.io/acme/api:1.4.2',
    );
    const other = `sha512:${'b'.repeat(128)}`;
    expect(formatImageReference(withVersion(current, other)!)).toBe(
      `ghcr.io/acme/api@${other}`,
    );
    expect(formatImageReference(withVersion(current, `@${SHA}`)!)).toBe(
      `ghcr.io/acme/api@${SHA}`,
    );
    expect(withVersion(current, '1.4 .2')).toBeUndefined();
    expect(withVersion(current, 'sha256:abc')).toBeUndefined();
  });

  it('says why a reference does not name one version', () => {
    const check = (reference: string) =>
      unpinnedVersion(parseImageReference(reference)!);
    expect(check('api')).toBe('has no tag or digest (so it is latest)');
    expect(check('api:latest')).toBe('uses the tag latest, which moves');
    expect(check(`api:latest@${SHA}`)).toBeUndefined();
    expect(check(`api@${SHA}`)).toBeUndefined();
    expect(check('api:1.4.2')).toBeUndefined();
  });
});
