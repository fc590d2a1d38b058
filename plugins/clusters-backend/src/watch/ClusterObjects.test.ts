import { ClusterObjects } from './ClusterObjects';

const pod = (name: string, service: string, phase = 'Running') => ({
  metadata: {
    name,
    namespace: 'ns',
    labels: { 'backstage.io/kubernetes-id': service },
  },
  status: { phase },
});

const names = (list: Array<{ metadata?: { name?: string } }> = []) =>
  list.map(o => o.metadata?.name);

describe('ClusterObjects', () => {
  it('groups by service, and regroups only the services that changed', () => {
    const objects = new ClusterObjects();
    objects.replace('pods', [
      pod('b-1', 'b'),
      pod('a-2', 'a'),
      pod('a-1', 'a'),
    ]);
    const first = objects.byService();
    expect(names(first.get('a')?.pods)).toEqual(['a-1', 'a-2']);
    expect(names(first.get('b')?.pods)).toEqual(['b-1']);
    // Nothing changed: the very same grouping.
    expect(objects.byService()).toBe(first);

    objects.put('pods', pod('a-1', 'a', 'Failed'));
    const second = objects.byService();
    expect(second).not.toBe(first);
    expect(second.get('a')?.pods[0].status?.phase).toBe('Failed');
    // b did not change: its group is the one built before.
    expect(second.get('b')).toBe(first.get('b'));
    // What a request held before is not changed under it.
    expect(first.get('a')?.pods[0].status?.phase).toBe('Running');
  });

  it('moves an object whose service label changed, and forgets deleted objects and empty services', () => {
    const objects = new ClusterObjects();
    objects.replace('pods', [pod('x-1', 'a')]);
    objects.put('pods', pod('x-1', 'b'));
    expect([...objects.byService().keys()]).toEqual(['b']);
    objects.delete('pods', pod('x-1', 'b'));
    expect(objects.byService().size).toBe(0);
    expect(objects.count('pods')).toBe(0);
  });

  it('replaces a type wholesale on a new listing, leaving the other types', () => {
    const objects = new ClusterObjects();
    objects.replace('pods', [pod('a-1', 'a'), pod('b-1', 'b')]);
    objects.replace('deployments', [
      {
        metadata: {
          name: 'a',
          namespace: 'ns',
          labels: pod('', 'a').metadata.labels,
        },
      },
    ]);
    objects.replace('pods', [pod('a-3', 'a')]);
    const grouped = objects.byService();
    expect(names(grouped.get('a')?.pods)).toEqual(['a-3']);
    expect(names(grouped.get('a')?.deployments)).toEqual(['a']);
    expect(grouped.has('b')).toBe(false);
  });
});
