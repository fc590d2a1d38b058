import { Entity } from '@backstage/catalog-model';
import { resolveGroupAncestry } from './resolveGroupAncestry';

const group = (name: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
});

const user = (memberOf: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'alice', namespace: 'default' },
  spec: { memberOf },
});

describe('resolveGroupAncestry', () => {
  const groups = new Map(
    [
      group('engineering'),
      group('platform-team', 'engineering'),
      group('platform-approvers', 'platform-team'),
      group('sre', 'engineering'),
      // A cycle must not loop forever.
      group('loop-a', 'loop-b'),
      group('loop-b', 'loop-a'),
    ].map(g => [`group:default/${g.metadata.name}`, g]),
  );
  const lookups: string[][] = [];
  const lookup = async (refs: string[]) => {
    lookups.push(refs);
    return refs.map(ref => groups.get(ref));
  };

  beforeEach(() => {
    lookups.length = 0;
  });

  it('includes the user, their groups and every ancestor group', async () => {
    const refs = await resolveGroupAncestry(
      user(['platform-approvers', 'sre']),
      lookup,
    );
    expect(refs.sort()).toEqual([
      'group:default/engineering',
      'group:default/platform-approvers',
      'group:default/platform-team',
      'group:default/sre',
      'user:default/alice',
    ]);
    // One catalog round trip per level of the hierarchy, each ref asked once.
    expect(lookups).toEqual(
      [
        ['group:default/platform-approvers', 'group:default/sre'],
        ['group:default/platform-team', 'group:default/engineering'],
        [],
      ].filter(level => level.length > 0),
    );
  });

  it('stops on cycles and ignores groups missing from the catalog', async () => {
    const refs = await resolveGroupAncestry(
      user(['loop-a', 'group:default/ghost']),
      lookup,
    );
    expect(refs.sort()).toEqual([
      'group:default/ghost',
      'group:default/loop-a',
      'group:default/loop-b',
      'user:default/alice',
    ]);
  });

  it('gives a user without groups only their own ref', async () => {
    expect(await resolveGroupAncestry(user([]), lookup)).toEqual([
      'user:default/alice',
    ]);
  });
});
