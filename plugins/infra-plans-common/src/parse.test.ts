import { stringify } from 'yaml';
import {
  FIXTURE_DATE,
  REFERENCE_PLAN_YAML,
  fullPlan,
} from './__fixtures__/plans';
import { parsePlan } from './parse';
import { validatePlan } from './validate';

/** 1-based line and column of the first occurrence of `needle` in `text`. */
const asOf = FIXTURE_DATE;

function positionOf(text: string, needle: string, from = 0) {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('the reference requirements network section', () => {
  const DB2 = 'spec.environments.development.network.subnets.database[2].cidr';

  it('has exactly one error: 10.0.300.0/24 at database[2].cidr, with line and column', () => {
    const result = parsePlan(REFERENCE_PLAN_YAML, { asOf });
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue).toMatchObject({
      path: DB2,
      severity: 'error',
      rule: 'cidr-syntax',
      ...positionOf(REFERENCE_PLAN_YAML, '"10.0.300.0/24"'),
    });
    expect(issue.problem).toContain('10.0.300.0/24');
    expect(issue.hint).toContain('300 is not an IPv4 octet (0–255)');
    expect(result.valid).toBe(false);
  });

  it('reports the same path without a position when validating the object', () => {
    const plan = parsePlan(REFERENCE_PLAN_YAML, { asOf }).plan!;
    const result = validatePlan(plan, { asOf });
    expect(result.issues.map(i => i.path)).toEqual([DB2]);
    expect(result.issues[0].line).toBeUndefined();
  });

  it('is valid once the subnet is fixed', () => {
    const fixed = REFERENCE_PLAN_YAML.replace('10.0.300.0/24', '10.0.250.0/24');
    const result = parsePlan(fixed, { asOf });
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('reports a host-bits subnet with the network it meant', () => {
    const text = REFERENCE_PLAN_YAML.replace(
      '"10.0.20.0/24"',
      '"10.0.20.5/24"',
    );
    const [issue] = parsePlan(text, { asOf }).issues.filter(
      i => i.rule === 'cidr-host-bits',
    );
    expect(issue.path).toBe(
      'spec.environments.development.network.subnets.private[1].cidr',
    );
    expect(issue.hint).toBe('did you mean 10.0.20.0/24?');
    expect(issue).toMatchObject(positionOf(text, '"10.0.20.5/24"'));
  });
});

describe('parsePlan', () => {
  const text = stringify(fullPlan());

  it('round-trips a valid plan', () => {
    const result = parsePlan(text, { asOf });
    expect(result.valid).toBe(true);
    expect(result.plan).toEqual(fullPlan());
  });

  it('locates YAML syntax errors', () => {
    const broken =
      'apiVersion: gatehouse.io/v1alpha1\nkind: [InfrastructurePlan\nmetadata: {}\n';
    const result = parsePlan(broken, { asOf });
    expect(result.valid).toBe(false);
    expect(result.issues[0]).toMatchObject({
      rule: 'yaml-syntax',
      severity: 'error',
    });
    expect(result.issues[0].line).toBeGreaterThanOrEqual(2);
  });

  it('reports duplicate keys', () => {
    const result = parsePlan('apiVersion: a\napiVersion: b\n', { asOf });
    expect(result.issues[0]).toMatchObject({ rule: 'yaml-syntax', line: 2 });
    expect(result.issues[0].hint).toMatch(/repeated key/);
  });

  it('points at an unknown key and suggests the known one', () => {
    const typo = text.replace('multiAz: true', 'multiAZ: true');
    const issue = parsePlan(typo, { asOf }).issues.find(
      i => i.problem === 'unknown field multiAZ',
    )!;
    expect(issue.rule).toBe('schema');
    expect(issue.hint).toBe('did you mean multiAz?');
    expect(issue.path).toMatch(
      /^spec\.environments\.\w+\.data\.databases\[0\]\.multiAZ$/,
    );
    expect(issue).toMatchObject(positionOf(typo, 'multiAZ'));
  });

  it('explains unquoted versions that YAML turns into numbers', () => {
    const unquoted = text.replace(
      /kubernetesVersion: "1.35"/,
      'kubernetesVersion: 1.30',
    );
    const issue = parsePlan(unquoted, { asOf }).issues.find(i =>
      i.path.endsWith('cluster.kubernetesVersion'),
    )!;
    expect(issue.problem).toMatch(/must be a string, got the number 1\.3/);
    expect(issue.hint).toMatch(/quote it/);
    expect(issue.line).toBe(
      positionOf(unquoted, 'kubernetesVersion: 1.30').line,
    );
  });

  it('explains unit mistakes', () => {
    const bad = text.replace('memory: 512Mi', 'memory: 512MB');
    const issue = parsePlan(bad, { asOf }).issues.find(
      i => i.rule === 'schema',
    )!;
    expect(issue.path).toMatch(/resources\.limits\.memory$/);
    expect(issue.problem).toContain('"512MB" is not a Kubernetes quantity');
    expect(issue.hint).toContain('512Mi');
  });

  it('locates a missing field at its parent', () => {
    const missing = text.replace(/\n {6}tier: staging\n/, '\n');
    const issue = parsePlan(missing, { asOf }).issues.find(
      i => i.path === 'spec.environments.staging.tier',
    )!;
    expect(issue.problem).toBe('tier is required');
    expect(issue.line).toBe(positionOf(missing, 'staging:').line + 1);
  });

  it('still runs the rules of the environments that match the schema', () => {
    const mixed = text
      .replace(/kubernetesVersion: "1.35"/, 'kubernetesVersion: 1.30')
      .replace('cidr: 10.30.1.0/24', 'cidr: 10.30.1.9/24');
    const result = parsePlan(mixed, { asOf });
    expect(result.plan).toBeUndefined();
    expect(result.issues.some(i => i.rule === 'schema')).toBe(true);
    expect(result.issues.some(i => i.rule === 'cidr-host-bits')).toBe(true);
  });

  it('rejects a document that is not a plan', () => {
    const result = parsePlan('just a string\n', { asOf });
    expect(result.valid).toBe(false);
    expect(result.issues[0]).toMatchObject({
      rule: 'schema',
      line: 1,
      column: 1,
    });
  });

  it('rejects a wrong apiVersion and kind with the expected values', () => {
    const result = validatePlan({
      ...fullPlan(),
      apiVersion: 'v1',
      kind: 'Plan',
    });
    expect(result.issues.map(i => i.hint)).toEqual([
      'set apiVersion: gatehouse.io/v1alpha1',
      'set kind: InfrastructurePlan',
    ]);
  });
});
