import { findResourceType } from '../model/kinds';
import { KubeObject } from '../types';
import {
  compileFieldSelector,
  compileLabelSelector,
  parseLabelSelector,
} from './selectors';

const labels = {
  app: 'web',
  tier: 'frontend',
  'backstage.io/kubernetes-id': 'orchestrator-api',
  rank: '7',
};

describe('label selectors', () => {
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app=api', false],
    ['app!=api', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app in (web,api)', true],
    ['app in (api, worker)', false],
    ['app notin (api,worker)', true],
    ['app notin (web)', false],
    ['missing notin (x)', true],
    ['missing in (x)', false],
    ['app=web,tier=frontend', true],
    ['app=web, tier=backend', false],
    ['backstage.io/kubernetes-id=orchestrator-api', true],
    [
      'backstage.io/kubernetes-id in (orchestrator-api,task-runner),!missing',
      true,
    ],
    ['rank>5', true],
    ['rank<5', false],
    ['app=', false],
  ])('%p matches: %p', (selector, expected) => {
    expect(compileLabelSelector(selector)(labels)).toBe(expected);
  });

  it('matches objects without labels only by negative requirements', () => {
    expect(compileLabelSelector('app!=web')(undefined)).toBe(true);
    expect(compileLabelSelector('app')(undefined)).toBe(false);
  });

  it('parses into requirements', () => {
    expect(parseLabelSelector('a=b, c notin (d,e),!f')).toEqual([
      { key: 'a', op: 'eq', value: 'b' },
      { key: 'c', op: 'notin', values: ['d', 'e'] },
      { key: 'f', op: 'notexists' },
    ]);
  });

  it.each([
    'app in web',
    'app in ()',
    'app=web,',
    'app=web tier=x',
    'a/b/c=d',
    'app=bad value!',
    '=web',
    'Prefix.Upper/app=x',
    'rank>abc',
  ])('rejects %p with a 400', selector => {
    let error: any;
    try {
      compileLabelSelector(selector);
    } catch (e) {
      error = e;
    }
    expect(error).toBeDefined();
    expect(error.code).toBe(400);
    expect(error.message).toMatch(/unable to parse requirement/);
  });
});

describe('field selectors', () => {
  const pods = findResourceType('', 'v1', 'pods')!;
  const deployments = findResourceType('apps', 'v1', 'deployments')!;
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'team-a' },
    spec: { nodeName: 'node-1' },
    status: { phase: 'Running' },
  } as unknown as KubeObject;

  it.each([
    ['metadata.name=web-1', true],
    ['metadata.name==web-1', true],
    ['metadata.name!=web-1', false],
    ['metadata.namespace=team-a,status.phase=Running', true],
    ['status.phase=Pending', false],
    ['status.phase!=Pending', true],
    ['spec.nodeName=node-1', true],
    ['spec.nodeName=', false],
  ])('%p matches: %p', (selector, expected) => {
    expect(compileFieldSelector(pods, selector)(pod)).toBe(expected);
  });

  it('rejects fields the kind does not support', () => {
    expect(() =>
      compileFieldSelector(deployments, 'status.phase=Running'),
    ).toThrow('field label not supported: status.phase');
    expect(() => compileFieldSelector(pods, 'nonsense')).toThrow(
      /invalid selector/,
    );
  });

  it('supports escaped separators in values', () => {
    const obj = {
      ...pod,
      metadata: { name: 'a,b', namespace: 'x' },
    } as KubeObject;
    expect(compileFieldSelector(pods, 'metadata.name=a\\,b')(obj)).toBe(true);
  });
});
