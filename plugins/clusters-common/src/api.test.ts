import { parseInput } from '@gatehouse/http-contract';
import { dashboardQuerySchema, entityHealthParamsSchema } from './api';

describe('the clusters contract', () => {
  it('accepts entity refs the catalog accepts and names what is wrong otherwise', () => {
    expect(
      parseInput(
        entityHealthParamsSchema,
        { kind: 'Component', namespace: 'default', name: 'task-runner.v2' },
        'entity',
      ),
    ).toEqual({
      kind: 'Component',
      namespace: 'default',
      name: 'task-runner.v2',
    });
    expect(() =>
      parseInput(
        entityHealthParamsSchema,
        { kind: 'comp-onent', namespace: 'default', name: 'a--b' },
        'entity',
      ),
    ).toThrow(
      'Invalid entity: kind: must be an entity kind such as component; name: must be letters and digits separated by -, _ or .',
    );
    expect(() =>
      parseInput(
        entityHealthParamsSchema,
        { kind: 'Component', namespace: 'default', name: 'x'.repeat(64) },
        'entity',
      ),
    ).toThrow('name: must be at most 63 characters');
  });

  it('filters the dashboard by an environment name only', () => {
    expect(parseInput(dashboardQuerySchema, {}, 'query')).toEqual({});
    expect(
      parseInput(dashboardQuerySchema, { environment: 'production' }, 'query'),
    ).toEqual({ environment: 'production' });
    expect(() =>
      parseInput(dashboardQuerySchema, { environment: 'Prod ' }, 'query'),
    ).toThrow('environment: must be lower-case letters, digits and dashes');
  });
});
