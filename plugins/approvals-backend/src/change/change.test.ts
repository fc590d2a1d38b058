import { assessRisk } from './assessRisk';
import { canonicalJson, contentHash } from './contentHash';
import { fileDiffs } from './fileDiffs';
import { readPlan, summarizePlan } from './summarizePlan';

const plan = {
  format_version: '1.2',
  resource_changes: [
    {
      address: 'aws_db_instance.main',
      mode: 'managed',
      type: 'aws_db_instance',
      name: 'main',
      change: { actions: ['delete', 'create'], before: {}, after: {} },
    },
    {
      address: 'aws_security_group.web',
      mode: 'managed',
      type: 'aws_security_group',
      name: 'web',
      change: { actions: ['update'], before: {}, after: {} },
    },
    {
      address: 'aws_instance.a',
      mode: 'managed',
      type: 'aws_instance',
      name: 'a',
      change: { actions: ['create'], before: null, after: {} },
    },
    {
      address: 'data.aws_ami.x',
      mode: 'data',
      type: 'aws_ami',
      name: 'x',
      change: { actions: ['read'], before: null, after: {} },
    },
  ],
};

describe('reading a change', () => {
  it('summarises resource actions, leaving data sources out', () => {
    const summary = summarizePlan(readPlan(JSON.stringify(plan)).parsed);
    expect(summary).toMatchObject({
      create: 1,
      update: 1,
      delete: 0,
      replace: 1,
    });
    expect(summary.resources.map(r => r.address)).toEqual([
      'aws_db_instance.main',
      'aws_security_group.web',
      'aws_instance.a',
    ]);
  });

  it('refuses a malformed plan with the parse error', () => {
    expect(() => readPlan('{"format_version": ')).toThrow(
      /The plan is not valid JSON/,
    );
    expect(() =>
      readPlan({ format_version: '1.2', resource_changes: [{ address: 'x' }] }),
    ).toThrow(/resource_changes\[0\]/);
  });

  it('rates risk from production, stateful replacements, access changes and cost', () => {
    const summary = summarizePlan(readPlan(plan).parsed);
    const prod = assessRisk({
      environment: { name: 'production', tier: 'production' },
      summary,
      cost: { delta: 10, deltaHigh: 10 },
    });
    expect(prod.level).toBe('high');
    expect(prod.reasons).toEqual([
      'changes production',
      'replaces stateful aws_db_instance.main',
      'changes network or IAM access: aws_security_group.web',
    ]);
    const small = assessRisk({
      environment: { name: 'development', tier: 'development' },
      summary: {
        create: 1,
        update: 0,
        delete: 0,
        replace: 0,
        resources: [
          { address: 'aws_instance.a', type: 'aws_instance', action: 'create' },
        ],
      },
      cost: { delta: 30, deltaHigh: 30 },
    });
    expect(small).toEqual({ level: 'low', reasons: [] });
    expect(
      assessRisk({
        environment: { name: 'staging', tier: 'staging' },
        summary: { ...small, resources: [] } as any,
        cost: { delta: 2000, deltaHigh: 2000 },
      }).level,
    ).toBe('medium');
    expect(
      assessRisk({
        environment: { name: 'staging', tier: 'staging' },
        summary: { create: 0, update: 0, delete: 0, replace: 0, resources: [] },
        cost: { delta: null, deltaHigh: null },
      }).reasons,
    ).toEqual(['its cost could not be estimated']);
  });

  it('hashes content independently of key order, and differently for any change', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe(
      '{"a":[{"c":2,"d":1}],"b":1}',
    );
    const base = {
      entityRef: 'component:default/x',
      environment: 'staging',
      plan,
      files: [],
      estimate: null,
      notes: { rollbackPlan: 'r' },
      inputs: {},
    };
    const reordered = {
      ...base,
      plan: JSON.parse(
        JSON.stringify({
          resource_changes: plan.resource_changes,
          format_version: '1.2',
        }),
      ),
    };
    expect(contentHash(reordered)).toBe(contentHash(base));
    expect(contentHash({ ...base, notes: { rollbackPlan: 'r2' } })).not.toBe(
      contentHash(base),
    );
    expect(contentHash(base)).toMatch(/^[a-f0-9]{64}$/);
  });

  it('diffs generated files', () => {
    const [added, modified, same] = fileDiffs([
      { path: 'main.tf', content: 'a = 1\n' },
      { path: 'vars.tf', content: 'x = 2\n', previousContent: 'x = 1\n' },
      { path: 'ok.tf', content: 'y\n', previousContent: 'y\n' },
    ]);
    expect(added.status).toBe('added');
    expect(modified.status).toBe('modified');
    expect(modified.diff).toContain('-x = 1');
    expect(modified.diff).toContain('+x = 2');
    expect(same).toEqual({ path: 'ok.tf', status: 'unchanged', diff: '' });
  });
});
