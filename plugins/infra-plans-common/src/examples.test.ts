import { readFileSync } from 'fs';
import { resolve } from 'path';
import { FIXTURE_DATE } from './__fixtures__/plans';
import { parsePlan } from './parse';

// The examples are judged on the day they were last brought up to date: EKS
// 1.35 is in standard support until 2027-03-27; move them (and this date)
// to a newer version before then.
const asOf = FIXTURE_DATE;

const EXAMPLES = resolve(__dirname, '../../../examples/plans');

const services = [
  { service: 'orchestrator-api', owner: 'team-agents' },
  { service: 'operator-console', owner: 'team-experience' },
  { service: 'task-runner', owner: 'team-agents' },
  { service: 'knowledge-store', owner: 'team-experience' },
];

describe.each(services)('example plan $service', ({ service, owner }) => {
  const text = readFileSync(
    resolve(EXAMPLES, service, 'infra-plan.yaml'),
    'utf8',
  );
  const result = parsePlan(text, { asOf });

  it('validates with zero errors and zero warnings', () => {
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('belongs to its service, owner and system', () => {
    expect(result.plan!.metadata).toMatchObject({
      service,
      owner,
      system: 'orchestration-platform',
    });
  });

  it('has development, staging and production in us-east-1 with distinct 10.x VPCs', () => {
    const envs = result.plan!.spec.environments;
    expect(Object.keys(envs)).toEqual(['development', 'staging', 'production']);
    for (const [name, env] of Object.entries(envs)) {
      expect(env.tier).toBe(name);
      expect(env.region).toBe('us-east-1');
      expect(env.network.vpc.cidr).toMatch(/^10\.\d+\.0\.0\/16$/);
    }
    expect(new Set(Object.values(envs).map(e => e.network.vpc.cidr)).size).toBe(
      3,
    );
  });
});

describe('example plans in particular', () => {
  const load = (service: string) =>
    parsePlan(
      readFileSync(resolve(EXAMPLES, service, 'infra-plan.yaml'), 'utf8'),
      { asOf },
    ).plan!.spec.environments.production;

  it('orchestrator-api is a Node REST API on port 3000 behind an ALB with an HPA', () => {
    const env = load('orchestrator-api');
    const api = env.workloads[0];
    expect(api.ports![0].containerPort).toBe(3000);
    expect(api.autoscaling).toMatchObject({ minReplicas: 3, maxReplicas: 50 });
    expect(env.network.loadBalancers![0]).toMatchObject({
      type: 'application',
      scheme: 'internet-facing',
    });
  });

  it('task-runner is a worker scaling on the depth of its SQS queue', () => {
    const env = load('task-runner');
    const runner = env.workloads[0];
    expect(runner.type).toBe('worker');
    expect(runner.autoscaling!.targets.queue!.name).toBe(
      env.data!.queues![0].name,
    );
    expect(env.data!.queues![0].type).toBe('sqs');
  });

  it('knowledge-store runs RDS PostgreSQL 15 multi-AZ and ElastiCache Redis 7', () => {
    const env = load('knowledge-store');
    expect(env.data!.databases![0]).toMatchObject({
      engine: 'postgres',
      multiAz: true,
    });
    expect(env.data!.databases![0].version).toMatch(/^15\./);
    expect(env.data!.caches![0]).toMatchObject({ engine: 'redis' });
    expect(env.data!.caches![0].version).toMatch(/^7\./);
  });

  it('operator-console is a web frontend behind an ALB', () => {
    const env = load('operator-console');
    expect(env.workloads[0].expose!.host).toBe('console.gatehouse.example');
    expect(env.delivery!.strategy).toBe('blue-green');
  });
});
