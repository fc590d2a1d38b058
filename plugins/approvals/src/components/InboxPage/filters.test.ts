import {
  DEFAULT_FILTERS,
  filterProblems,
  parseFilters,
  parseView,
  toQuery,
} from './filters';

describe('inbox filters', () => {
  it('defaults to what waits for me, open only', () => {
    expect(parseView(null)).toBe('waiting');
    expect(parseView('bogus')).toBe('waiting');
    expect(parseView('all')).toBe('all');
    expect(parseFilters(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
    expect(toQuery('waiting', DEFAULT_FILTERS, 0, 25)).toEqual({
      view: 'waiting',
      status: 'open',
      environment: undefined,
      entityRef: undefined,
      risk: undefined,
      minCostDelta: undefined,
      maxCostDelta: undefined,
      olderThanHours: undefined,
      limit: 25,
      offset: 0,
    });
  });

  it('turns every filter into the query, with pages as offsets', () => {
    const filters = parseFilters(
      new URLSearchParams(
        'status=rejected&environment=prod&entityRef=component:default/a&risk=medium&minCostDelta=-10&maxCostDelta=99.5&olderThanHours=48',
      ),
    );
    expect(toQuery('mine', filters, 2, 25)).toEqual({
      view: 'mine',
      status: 'rejected',
      environment: 'prod',
      entityRef: 'component:default/a',
      risk: 'medium',
      minCostDelta: -10,
      maxCostDelta: 99.5,
      olderThanHours: 48,
      limit: 25,
      offset: 50,
    });
  });

  it('flags and leaves out what the backend would refuse', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      status: 'nonsense' as any,
      entityRef: 'payments',
      environment: 'Prod',
      minCostDelta: 'ten',
      olderThanHours: '-1',
    };
    expect(Object.keys(filterProblems(filters)).sort()).toEqual([
      'entityRef',
      'environment',
      'minCostDelta',
      'olderThanHours',
    ]);
    const query = toQuery('all', filters, 0, 25);
    expect(query.entityRef).toBeUndefined();
    expect(query.environment).toBeUndefined();
    expect(query.minCostDelta).toBeUndefined();
    expect(query.olderThanHours).toBeUndefined();
    expect(parseFilters(new URLSearchParams('status=nonsense')).status).toBe(
      'open',
    );
  });
});
