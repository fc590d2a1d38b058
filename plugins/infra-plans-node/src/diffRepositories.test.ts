import {
  presetPlan,
  type InfraPlan,
} from '@gatehouse/plugin-infra-plans-common';
import { diffRepositories } from './diffRepositories';
import { renderEnvironmentRepository } from './renderEnvironmentRepository';

function plan(options: { database: boolean }): InfraPlan {
  return presetPlan({
    service: 'payments-api',
    owner: 'team-payments',
    tiers: ['production'],
    database: options.database,
  });
}

describe('diffRepositories', () => {
  it('shows a node group max change in eks.tf with the old and new values', () => {
    const before = plan({ database: true });
    const after = structuredClone(before);
    after.spec.environments.production.compute.nodeGroups[0].maxSize = 30;
    const changes = diffRepositories(
      renderEnvironmentRepository({ plan: before, environment: 'production' }),
      renderEnvironmentRepository({ plan: after, environment: 'production' }),
    );
    const eks = changes.find(c => c.path === 'terraform/eks.tf');
    expect(eks?.status).toBe('changed');
    expect(eks?.diff).toMatch(
      /^--- a\/terraform\/eks\.tf\n\+\+\+ b\/terraform\/eks\.tf\n@@ /,
    );
    expect(eks?.diff).toContain('-    max_size     = 20');
    expect(eks?.diff).toContain('+    max_size     = 30');
    // The plan copy and the documents change with it; nothing else does.
    expect(changes.map(c => c.path)).toEqual(
      expect.arrayContaining(['infra-plan.yaml', 'terraform/eks.tf']),
    );
    expect(
      changes.map(c => c.path).filter(p => p.startsWith('terraform/')),
    ).toEqual(['terraform/eks.tf']);
    expect(changes.find(c => c.path === 'infra-plan.yaml')?.diff).toMatch(
      /^\+ +maxSize: 30$/m,
    );
  });

  it('reports an added database as an added database.tf', () => {
    const changes = diffRepositories(
      renderEnvironmentRepository({
        plan: plan({ database: false }),
        environment: 'production',
      }),
      renderEnvironmentRepository({
        plan: plan({ database: true }),
        environment: 'production',
      }),
    );
    const database = changes.find(c => c.path === 'terraform/database.tf');
    expect(database?.status).toBe('added');
    expect(database?.diff).toMatch(
      /^--- \/dev\/null\n\+\+\+ b\/terraform\/database\.tf\n/,
    );
    expect(database?.diff).toContain('+resource "aws_db_instance" "main" {');
    expect(changes.find(c => c.path === 'terraform/network.tf')?.status).toBe(
      'changed',
    );
  });

  it('reports a removed file, and nothing for identical repositories', () => {
    const withDb = renderEnvironmentRepository({
      plan: plan({ database: true }),
      environment: 'production',
    });
    const withoutDb = renderEnvironmentRepository({
      plan: plan({ database: false }),
      environment: 'production',
    });
    const removed = diffRepositories(withDb, withoutDb).find(
      c => c.path === 'terraform/database.tf',
    );
    expect(removed?.status).toBe('removed');
    expect(removed?.diff).toContain('+++ /dev/null');
    expect(diffRepositories(withDb, withDb)).toEqual([]);
  });
});
