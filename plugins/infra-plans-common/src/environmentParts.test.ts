import { environmentOfPlan, environmentPartNames } from './environmentParts';
import { presetEnvironmentPlan } from './presets';

const plan = presetEnvironmentPlan({
  service: 'orchestrator-api',
  owner: 'team-agents',
  environment: 'perf-test',
  tier: 'staging',
  database: true,
  cache: true,
});

describe('environment parts', () => {
  it('names the parts of each kind an environment has, in plan order', () => {
    const env = plan.spec.environments['perf-test'];
    expect(environmentPartNames(plan, 'perf-test', 'nodeGroup')).toEqual(
      env.compute.nodeGroups.map(g => g.name),
    );
    expect(environmentPartNames(plan, 'perf-test', 'database')).toEqual([
      env.data!.databases![0].name,
    ]);
    expect(environmentPartNames(plan, 'perf-test', 'queue')).toEqual([]);
    expect(environmentPartNames(plan, 'elsewhere', 'workload')).toEqual([]);
  });

  it("finds the entity's environment by its annotation, else the plan's first", () => {
    expect(environmentOfPlan(plan, 'perf-test')).toBe('perf-test');
    expect(environmentOfPlan(plan, 'missing')).toBe('perf-test');
    expect(environmentOfPlan(plan, undefined)).toBe('perf-test');
  });
});
