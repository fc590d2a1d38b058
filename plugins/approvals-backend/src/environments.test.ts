import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import costPlugin from '@gatehouse/plugin-cost-backend';
import { readInfraPlan } from '@gatehouse/plugin-cost-node';
import { storageTestDatabases } from '@gatehouse/test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES } from './__testUtils__/exampleCatalog';
import { ENTITIES, startApprovalsBackend } from './__testUtils__/harness';
import {
  eksClusterPlan,
  nodeGroupScalingPlan,
} from './__testUtils__/terraformPlans';
import { TEST_NOW } from '@gatehouse/test-utils';

jest.setTimeout(180_000);

const databases = storageTestDatabases();
const API = 'component:default/orchestrator-api';
const notes = {
  rollbackPlan: 'terraform apply the previous revision.',
  testPlan: 'Smoke tests against /health.',
};
const taskRunnerPlan = readFileSync(
  join(EXAMPLES, 'plans/task-runner/infra-plan.yaml'),
  'utf8',
);

/** The environments of orchestrator-api in the example catalog, with the fixture's "live". */
const API_ENVIRONMENTS = [
  { name: 'development', tier: 'development' },
  { name: 'staging', tier: 'staging' },
  { name: 'live', tier: 'production' },
  { name: 'production', tier: 'production' },
];

/**
 * Change requests against the running backend with the real catalog
 * (examples/services.yaml and clusters.yaml, and one more production-tier
 * environment of orchestrator-api called "live"), the real cost backend and
 * the example infrastructure plans, on each database.
 */
describe.each(databases.eachSupportedId())(
  'environments of change requests on %s',
  databaseId => {
    let h: Awaited<ReturnType<typeof startApprovalsBackend>>;
    beforeAll(async () => {
      h = await startApprovalsBackend({
        databases: {
          approvals: await databases.init(databaseId),
          cost: await databases.init(databaseId),
          catalog: await databases.init(databaseId),
        },
        catalog: 'real',
        extraFeatures: [catalogPlugin, costPlugin],
        config: {
          catalog: {
            rules: [{ allow: ['Component', 'System', 'API', 'Resource'] }],
            locations: [
              { type: 'file', target: join(EXAMPLES, 'services.yaml') },
              { type: 'file', target: join(EXAMPLES, 'clusters.yaml') },
              {
                type: 'file',
                target: join(__dirname, '__fixtures__/live-environment.yaml'),
              },
            ],
          },
        },
      });
      // Every environment the tests name must be in the catalog, with its
      // relation from the service and its own tier annotation: the catalog
      // reads the files in no particular order.
      for (const [service, environments] of [
        ['orchestrator-api', API_ENVIRONMENTS.map(e => e.name)],
        ['task-runner', ['development', 'staging', 'production']],
      ] as const) {
        for (const environment of environments) {
          const resource = `resource:default/${service}-${environment}`;
          await catalogHasRelated(`component:default/${service}`, resource);
          await catalogHasEntity(resource);
        }
      }
      await catalogHasRelated(
        'resource:default/orchestrator-api-development',
        'resource:default/eks-development-use1',
      );
    });
    afterAll(() => h.backend.stop());

    /** Waits until the catalog has ingested an entity with a dependsOn relation to another. */
    async function catalogHasRelated(entityRef: string, targetRef: string) {
      const [kind, rest] = entityRef.split(':');
      const [namespace, name] = rest.split('/');
      for (let attempt = 0; attempt < 240; attempt++) {
        const answer = await h
          .request()
          .get(`/api/catalog/entities/by-name/${kind}/${namespace}/${name}`)
          .set(h.as('user:default/alice'));
        if (
          answer.status === 200 &&
          answer.body.relations?.some(
            (r: any) => r.type === 'dependsOn' && r.targetRef === targetRef,
          )
        ) {
          return;
        }
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      throw new Error(`The catalog never related ${entityRef} to ${targetRef}`);
    }

    /** Waits until the catalog serves an entity. */
    async function catalogHasEntity(entityRef: string) {
      const [kind, rest] = entityRef.split(':');
      const [namespace, name] = rest.split('/');
      for (let attempt = 0; attempt < 240; attempt++) {
        const answer = await h
          .request()
          .get(`/api/catalog/entities/by-name/${kind}/${namespace}/${name}`)
          .set(h.as('user:default/alice'));
        if (answer.status === 200) return;
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      throw new Error(`The catalog never served ${entityRef}`);
    }

    const submit = (body: object, user = 'user:default/bob') =>
      h.request().post('/api/approvals/requests').set(h.as(user)).send(body);
    const stored = async () => {
      const requests = await h
        .request()
        .get('/api/approvals/requests?limit=200')
        .set(h.as('user:default/alice'));
      const estimates = await h
        .request()
        .get(`/api/cost/estimates?entityRef=${API}&limit=100`)
        .set(h.as('user:default/alice'));
      return [requests.body.total, estimates.body.estimates.length];
    };
    const eksChange = (environment: string, tags: Record<string, string>) => ({
      title: `EKS for orchestrator-api in ${environment}`,
      entityRef: API,
      environment,
      plan: eksClusterPlan({
        clusterName: `orchestrator-api-${environment}`,
        tags,
      }),
      notes,
    });

    it('refuses an environment the entity does not have with a 400 that lists its environments, and stores nothing', async () => {
      const before = await stored();
      for (const name of ['prod', 'prd', 'production-eu']) {
        const response = await submit(eksChange(name, { Environment: name }));
        expect(response.status).toBe(400);
        expect(response.body.error.message).toBe(
          `${API} has no environment "${name}". Its environments: development (development), staging (staging), live (production), production (production). An environment is an environment Resource the entity depends on in the catalog (annotated gatehouse.io/tier), or an environment of its infrastructure plan.`,
        );
        expect(response.body.error.environments).toEqual(API_ENVIRONMENTS);
      }
      // Neither a request nor an estimate was kept.
      expect(await stored()).toEqual(before);
    });

    it('governs a production-tier environment by the production rules whatever it is called', async () => {
      for (const environment of ['production', 'live']) {
        const response = await submit(
          eksChange(environment, { Environment: environment }),
        );
        expect(response.status).toBe(201);
        const request = response.body;
        expect(request).toMatchObject({
          environment,
          tier: 'production',
          status: 'pending',
          riskLevel: 'medium',
        });
        expect(request.costDelta).toBeGreaterThan(400);
        expect(request.costDelta).toBeLessThan(500);
        expect(request.current.risk.reasons).toEqual([
          environment === 'production'
            ? 'changes production'
            : 'changes live, a production-tier environment',
        ]);
        expect(request.policy.rule).toBe('production');
        expect(
          request.policy.requirements.map((r: any) => [r.count, r.groups]),
        ).toEqual([
          [
            2,
            [
              'group:default/team-agents',
              'group:default/platform-approvers',
              'group:default/sre',
            ],
          ],
          [1, ['group:default/platform-approvers']],
        ]);
      }
      // A production change under 100 USD a month waits all the same.
      const small = await submit({
        title: 'One more production node, of another group',
        entityRef: API,
        environment: 'live',
        plan: nodeGroupScalingPlan({
          clusterName: 'eks-production-use1',
          before: { desired: 3, min: 3, max: 6 },
          after: { desired: 4, min: 3, max: 6 },
          tags: { Environment: 'live', Tier: 'production' },
        }),
        notes,
      });
      expect(small.status).toBe(201);
      expect(small.body.costDelta).toBeLessThan(100);
      expect(small.body).toMatchObject({
        status: 'pending',
        tier: 'production',
      });
      expect(small.body.policy.rule).toBe('production');
    });

    it('refuses a Terraform plan tagged for production submitted as development, naming its resources', async () => {
      const before = await stored();
      const tagged = await submit(
        eksChange('development', { Environment: 'production' }),
      );
      expect(tagged.status).toBe(400);
      expect(tagged.body.error.message).toBe(
        'The plan belongs to another environment than development (development tier): aws_eks_cluster.main (tag Environment = production names environment production, production tier), aws_eks_node_group.general (tag Environment = production names environment production, production tier). Submit it for the environment it changes, or correct its tags',
      );
      expect(tagged.body.error.conflicts).toEqual([
        {
          address: 'aws_eks_cluster.main',
          evidence: [
            'tag Environment = production names environment production, production tier',
          ],
        },
        {
          address: 'aws_eks_node_group.general',
          evidence: [
            'tag Environment = production names environment production, production tier',
          ],
        },
      ]);
      expect(tagged.body.error.conflictCount).toBe(2);

      // Without tags, the production cluster's name and account give it away.
      const untagged = await submit({
        ...eksChange('development', {}),
        plan: eksClusterPlan({
          clusterName: 'eks-production-use1',
          accountId: '444455556666',
        }),
      });
      expect(untagged.status).toBe(400);
      expect(untagged.body.error.conflicts).toEqual([
        {
          address: 'aws_eks_cluster.main',
          evidence: expect.arrayContaining([
            'cluster eks-production-use1 belongs to live, production',
            'AWS account 444455556666 belongs to live, production',
          ]),
        },
        {
          address: 'aws_eks_node_group.general',
          evidence: ['cluster eks-production-use1 belongs to live, production'],
        },
      ]);
      expect(await stored()).toEqual(before);

      // The same plan tagged for development, on the development cluster, is fine.
      const development = await submit({
        ...eksChange('development', {}),
        plan: eksClusterPlan({
          clusterName: 'eks-development-use1',
          accountId: '111122223333',
          tags: { Environment: 'development', Tier: 'development' },
        }),
      });
      expect(development.status).toBe(201);
      expect(development.body.tier).toBe('development');
    });

    it('never approves automatically a development change that raises a node group max_size', async () => {
      // Terraform: the ceiling goes from 3 to 4 nodes; nothing runs more today.
      const terraform = await submit({
        title: 'Let development grow to 4 nodes',
        entityRef: API,
        environment: 'development',
        plan: nodeGroupScalingPlan({
          clusterName: 'eks-development-use1',
          before: { desired: 2, min: 1, max: 3 },
          after: { desired: 2, min: 1, max: 4 },
          tags: { Environment: 'development' },
        }),
        notes,
      });
      expect(terraform.status).toBe(201);
      expect(terraform.body.costDelta).toBe(0);
      // Priced at its ceiling: one more t3.small with its 20 GB disk.
      expect(
        terraform.body.current.estimate.totals.deltaRange.high,
      ).toBeCloseTo(17.184, 2);
      expect(terraform.body).toMatchObject({
        status: 'pending',
        tier: 'development',
        riskLevel: 'medium',
      });
      expect(terraform.body.current.risk.reasons).toEqual([
        'raises the scaling ceiling of aws_eks_node_group.general: max_size 3 → 4 nodes',
      ]);

      // An infrastructure plan: task-runner's development node group, max 3 → 10.
      const plan = readInfraPlan(taskRunnerPlan, '', {
        asOf: new Date(TEST_NOW),
      });
      plan.metadata.revision = 2;
      plan.spec.environments.development.compute.nodeGroups[0].maxSize = 10;
      const infra = await submit({
        title: 'task-runner: development may grow to 10 nodes',
        entityRef: 'component:default/task-runner',
        environment: 'development',
        infraPlan: { plan, priorPlan: taskRunnerPlan },
        notes,
      });
      expect(infra.status).toBe(201);
      expect(infra.body).toMatchObject({ status: 'pending', costDelta: 0 });
      expect(infra.body.current.risk.reasons).toEqual([
        'raises the scaling ceiling of node group general: max 3 → 10 nodes',
      ]);
      // Seven more nodes at the ceiling are past 100 USD a month on their own.
      expect(infra.body.current.estimate.totals.deltaRange.high).toBe(120.288);
    });

    it('accepts a new environment that is in the submitted infrastructure plan, with its tier', async () => {
      const plan = readInfraPlan(taskRunnerPlan, '', {
        asOf: new Date(TEST_NOW),
      });
      plan.spec.environments = {
        'perf-test': plan.spec.environments.development,
      };
      const response = await submit({
        title: 'New development environment perf-test for task-runner',
        entityRef: 'component:default/task-runner',
        environment: 'perf-test',
        infraPlan: { plan },
        notes,
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        environment: 'perf-test',
        tier: 'development',
        status: 'pending',
      });
    });
  },
);

/** The example plan of orchestrator-api with one environment's tier changed. */
function apiPlanWithTier(environment: string, tier: string) {
  const plan = readInfraPlan(
    readFileSync(
      join(EXAMPLES, 'plans/orchestrator-api/infra-plan.yaml'),
      'utf8',
    ),
    '',
    { asOf: new Date(TEST_NOW) },
  );
  (plan.spec.environments[environment] as any).tier = tier;
  return JSON.stringify(plan);
}

const filesChange = (environment: string) => ({
  title: `Raise API replicas in ${environment}`,
  entityRef: API,
  environment,
  files: [{ path: 'k8s/hpa.yaml', content: 'maxReplicas: 8\n' }],
  notes,
});

describe('environments of change requests with the in-memory catalog', () => {
  it('holds a plan made for another environment as high risk where configured, with the reason', async () => {
    const h = await startApprovalsBackend({
      extraFeatures: [costPlugin],
      config: {
        gatehouse: { approvals: { environmentMismatch: 'high-risk' } },
      },
    });
    try {
      const response = await h
        .request()
        .post('/api/approvals/requests')
        .set(h.as('user:default/bob'))
        .send({
          title: 'EKS, tagged for production',
          entityRef: API,
          environment: 'development',
          plan: eksClusterPlan({
            clusterName: 'orchestrator-api-development',
            tags: { Environment: 'production' },
          }),
          notes,
        });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        status: 'pending',
        tier: 'development',
        riskLevel: 'high',
      });
      expect(response.body.current.risk.reasons).toEqual([
        'the plan belongs to another environment than development: aws_eks_cluster.main (tag Environment = production names environment production, production tier), aws_eks_node_group.general (tag Environment = production names environment production, production tier)',
      ]);
      expect(
        response.body.policy.requirements.map((r: any) => r.groups),
      ).toContainEqual(['group:default/sre']);
    } finally {
      await h.backend.stop();
    }
  });

  it('refuses an environment whose catalog tier and plan tier disagree, or that declares none, and says which', async () => {
    const h = await startApprovalsBackend({
      infraPlans: { [API]: apiPlanWithTier('development', 'staging') },
      entities: ENTITIES.map(entity =>
        entity.metadata.name === 'orchestrator-api-staging'
          ? {
              ...entity,
              metadata: {
                ...entity.metadata,
                annotations: { 'gatehouse.io/environment': 'staging' },
              },
            }
          : entity,
      ),
    });
    try {
      const submit = (environment: string) =>
        h
          .request()
          .post('/api/approvals/requests')
          .set(h.as('user:default/bob'))
          .send(filesChange(environment));
      const disagreed = await submit('development');
      expect(disagreed.status).toBe(400);
      expect(disagreed.body.error.message).toBe(
        `The tier of environment development of ${API} is not agreed: resource:default/orchestrator-api-development says development, revision 1 of the infrastructure plan of ${API} says staging. Correct whichever is wrong; until they agree no change to development is accepted`,
      );
      // No tier in the catalog: the plan's is taken.
      const fromPlan = await submit('staging');
      expect(fromPlan.status).toBe(201);
      expect(fromPlan.body.tier).toBe('staging');
      const total = (
        await h
          .request()
          .get('/api/approvals/requests')
          .set(h.as('user:default/alice'))
      ).body.total;
      expect(total).toBe(1);
    } finally {
      await h.backend.stop();
    }

    // Without a plan to fill it in, a Resource without a tier is refused.
    const noPlan = await startApprovalsBackend({
      infraPlans: 'none',
      entities: ENTITIES.map(entity =>
        entity.metadata.name === 'orchestrator-api-staging'
          ? {
              ...entity,
              metadata: {
                ...entity.metadata,
                annotations: { 'gatehouse.io/environment': 'staging' },
              },
            }
          : entity,
      ),
    });
    try {
      const response = await noPlan
        .request()
        .post('/api/approvals/requests')
        .set(noPlan.as('user:default/bob'))
        .send(filesChange('staging'));
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(
        /^resource:default\/orchestrator-api-staging declares no tier \(its infrastructure plan could not be read: 404 .*\): annotate it with gatehouse.io\/tier \(development, staging or production\)$/,
      );
    } finally {
      await noPlan.backend.stop();
    }
  });

  it('goes by the catalog when the plan cannot be read, and tells the reviewers', async () => {
    const h = await startApprovalsBackend({
      infraPlans: { [API]: { status: 503, message: 'plans are down' } },
    });
    try {
      const response = await h
        .request()
        .post('/api/approvals/requests')
        .set(h.as('user:default/bob'))
        .send(filesChange('production'));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        tier: 'production',
        status: 'pending',
      });
      expect(response.body.current.risk.reasons).toEqual([
        'changes production',
        `the tier of production could not be checked against the infrastructure plan of ${API}: 503 plans are down`,
      ]);
    } finally {
      await h.backend.stop();
    }
  });

  it('says why the submitter may not approve their own change when the permission policy refuses it', async () => {
    // As Gatehouse's policy decides: never the submitter (here, Bob).
    const permissions: any = {
      authorize: async (requests: any[], { credentials }: any) =>
        requests.map(request => ({
          result:
            request.permission.name === 'gatehouse.approvals.request.decide' &&
            credentials.principal.userEntityRef === 'user:default/bob'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      authorizeConditional: async (requests: any[]) =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    };
    const h = await startApprovalsBackend({ permissions });
    try {
      const submitted = await h
        .request()
        .post('/api/approvals/requests')
        .set(h.as('user:default/bob'))
        .send(filesChange('staging'));
      expect(submitted.status).toBe(201);
      const own = await h
        .request()
        .post(`/api/approvals/requests/${submitted.body.id}/decisions`)
        .set(h.as('user:default/bob'))
        .send({
          decision: 'approve',
          revisionHash: submitted.body.contentHash,
        });
      expect(own.status).toBe(403);
      expect(own.body.error.message).toBe(
        'You submitted this change; your own approval never counts',
      );
      const page = await h
        .request()
        .get(`/api/approvals/requests/${submitted.body.id}`)
        .set(h.as('user:default/bob'));
      expect(page.body.viewer).toEqual({
        canDecide: false,
        reason: 'You submitted this change; your own approval never counts',
      });
    } finally {
      await h.backend.stop();
    }
  });
});
