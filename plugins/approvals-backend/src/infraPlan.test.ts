import costPlugin from '@gatehouse/plugin-cost-backend';
import { readInfraPlan } from '@gatehouse/plugin-cost-node';
import { storageTestDatabases } from '@gatehouse/test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApprovalsBackend } from './__testUtils__/harness';
import { TEST_NOW } from '@gatehouse/test-utils';

jest.setTimeout(120_000);

const databases = storageTestDatabases();

const planText = readFileSync(
  join(__dirname, '../../../examples/plans/task-runner/infra-plan.yaml'),
  'utf8',
);
const ENTITY = 'component:default/task-runner';
const notes = {
  rollbackPlan: 'Apply the prior plan revision again.',
  testPlan: 'Queue drill in staging.',
};

/** The example plan at revision 2, with one node group's desired size changed. */
function resized(environment: string, desiredSize: number) {
  const plan = readInfraPlan(planText, '', { asOf: new Date(TEST_NOW) });
  plan.metadata.revision = 2;
  plan.spec.environments[environment].compute.nodeGroups[0].desiredSize =
    desiredSize;
  return plan;
}

/**
 * Change requests that carry an infrastructure plan, priced by the real
 * cost backend (its own database beside the approvals plugin's) and
 * assessed from the plan's semantic diff.
 */
describe.each(databases.eachSupportedId())(
  'infrastructure plan change requests on %s',
  databaseId => {
    let h: Awaited<ReturnType<typeof startApprovalsBackend>>;
    beforeAll(async () => {
      h = await startApprovalsBackend({
        databases: {
          approvals: await databases.init(databaseId),
          cost: await databases.init(databaseId),
        },
        extraFeatures: [costPlugin],
      });
    });
    afterAll(() => h.backend.stop());

    const submit = (body: object) =>
      h
        .request()
        .post('/api/approvals/requests')
        .set(h.as('user:default/bob'))
        .send(body);
    const keptEstimate = async (id: string) =>
      (
        await h
          .request()
          .get(`/api/cost/estimates/${id}`)
          .set(h.as('user:default/bob'))
      ).body;

    it('approves a small development change automatically, priced by the cost backend against the prior plan', async () => {
      const response = await submit({
        title: 'task-runner: a third development node',
        entityRef: ENTITY,
        environment: 'development',
        infraPlan: { plan: resized('development', 3), priorPlan: planText },
        notes,
      });
      expect(response.status).toBe(201);
      const request = response.body;
      // One more t3.small node (15.184 USD) with its 20 GB root volume (2 USD).
      expect(request.costDelta).toBe(17.184);
      const estimate = await keptEstimate(request.current.estimateId);
      expect(estimate).toMatchObject({
        kind: 'infra-plan',
        entityRef: ENTITY,
        environment: 'development',
        monthlyBefore: 150.758,
        monthlyAfter: 167.942,
        monthlyDelta: request.costDelta,
      });
      expect(request.current.estimate.totals.delta).toBe(17.184);
      // Under 100 USD a month, low risk, development: the shipped policy approves it.
      expect(request.current.risk).toEqual({ level: 'low', reasons: [] });
      expect(request.status).toBe('auto-approved');
      expect(request.current.infraPlan).toEqual({
        service: 'task-runner',
        revision: 2,
        priorRevision: 1,
        environment: 'development',
        tier: 'development',
        changes: [
          {
            path: 'metadata.revision',
            kind: 'changed',
            summary: 'revision 1 → 2',
          },
          {
            path: 'spec.environments.development.compute.nodeGroups[name=general].desiredSize',
            kind: 'changed',
            environment: 'development',
            summary: 'node group general: desired 2 → 3',
          },
        ],
        otherEnvironmentChanges: 0,
      });
      const documents = await h
        .request()
        .get(`/api/approvals/requests/${request.id}/revisions/1/infra-plan`)
        .set(h.as('user:default/alice'));
      expect(documents.body.priorPlan).toBe(planText);
      expect(
        documents.body.plan.spec.environments.development.compute.nodeGroups[0]
          .desiredSize,
      ).toBe(3);
    });

    it('holds a production change for two approvals, one from platform-approvers, with the real cost delta', async () => {
      const response = await submit({
        title: 'task-runner: more production nodes',
        entityRef: ENTITY,
        environment: 'production',
        infraPlan: { plan: resized('production', 4), priorPlan: planText },
        notes,
      });
      expect(response.status).toBe(201);
      const request = response.body;
      const estimate = await keptEstimate(request.current.estimateId);
      expect(estimate.monthlyDelta).toBeGreaterThan(0);
      expect(request.costDelta).toBe(estimate.monthlyDelta);
      expect(request.current.risk).toEqual({
        level: 'medium',
        reasons: ['changes production'],
      });
      expect(request.status).toBe('pending');
      expect(request.policy.requirements).toEqual([
        expect.objectContaining({
          count: 2,
          groups: [
            'group:default/team-agents',
            'group:default/platform-approvers',
            'group:default/sre',
          ],
        }),
        expect.objectContaining({
          count: 1,
          groups: ['group:default/platform-approvers'],
        }),
      ]);
      expect(request.policySummary).toContain('0 of 2');
    });

    it('assesses a new production environment from its plan: production, and every ingress rule it opens', async () => {
      const response = await submit({
        title: 'task-runner: production',
        entityRef: ENTITY,
        environment: 'production',
        infraPlan: { plan: planText },
        notes,
      });
      expect(response.status).toBe(201);
      const request = response.body;
      // The whole environment is new: its full monthly cost is the delta.
      expect(request.costDelta).toBe(641.188);
      expect(request.tier).toBe('production');
      // Its node groups may grow to their max_size: the range's high end counts.
      const high = Math.round(request.current.estimate.totals.deltaRange.high);
      expect(high).toBe(3280);
      expect(request.current.risk).toEqual({
        level: 'high',
        reasons: [
          'changes production',
          'adds ingress rules to security groups (workers: tcp 9090 from 10.32.0.0/16)',
          `could raise monthly cost by up to ${high} USD (641 USD as planned)`,
        ],
      });
      expect(request.current.infraPlan.priorRevision).toBeNull();
      expect(
        request.current.infraPlan.changes.map((c: any) => c.summary),
      ).toEqual(
        expect.arrayContaining([
          'node group general added',
          'security group workers added',
          'workload runner added',
          'bucket task-artifacts added',
          'queue task-queue added',
        ]),
      );
      // High risk: the policy also asks SRE; and FinOps, for what it may cost.
      expect(request.policy.requirements.map((r: any) => r.groups)).toEqual(
        expect.arrayContaining([
          ['group:default/sre'],
          ['group:default/finops'],
        ]),
      );
    });

    it('binds the approval to the plan: the same plan as text or as an object hashes alike, another plan does not', async () => {
      const body = (plan: unknown) => ({
        title: 'task-runner: staging',
        entityRef: ENTITY,
        environment: 'staging',
        infraPlan: { plan },
        notes,
      });
      const asText = (await submit(body(planText))).body;
      const asObject = (
        await submit(
          body(readInfraPlan(planText, '', { asOf: new Date(TEST_NOW) })),
        )
      ).body;
      const other = (await submit(body(resized('staging', 2)))).body;
      expect(asObject.contentHash).toBe(asText.contentHash);
      expect(other.contentHash).not.toBe(asText.contentHash);
    });

    it('refuses an invalid plan with its located issues, and stores nothing', async () => {
      const count = async () =>
        (
          await h
            .request()
            .get('/api/approvals/requests')
            .set(h.as('user:default/alice'))
        ).body.total;
      const estimates = async () =>
        (
          await h
            .request()
            .get(`/api/cost/estimates?entityRef=${ENTITY}&limit=100`)
            .set(h.as('user:default/alice'))
        ).body.estimates.length;
      const before = [await count(), await estimates()];

      const broken = await submit({
        title: 'task-runner: broken',
        entityRef: ENTITY,
        environment: 'development',
        infraPlan: { plan: planText.replace('maxSize: 3', 'maxSize: lots') },
        notes,
      });
      expect(broken.status).toBe(400);
      expect(broken.body.error.message).toMatch(
        /^infraPlan\.plan: Invalid infrastructure plan: 1 error: \d+:\d+ spec\.environments\.development\.compute\.nodeGroups\[0\]\.maxSize/,
      );
      expect(broken.body.error.input).toBe('infraPlan.plan');
      expect(broken.body.error.issues).toEqual([
        expect.objectContaining({
          path: 'spec.environments.development.compute.nodeGroups[0].maxSize',
          line: planText.split('\n').indexOf('            maxSize: 3') + 1,
          severity: 'error',
        }),
      ]);

      const badPrior = await submit({
        title: 'task-runner: bad prior',
        entityRef: ENTITY,
        environment: 'development',
        infraPlan: { plan: planText, priorPlan: { kind: 'Something' } },
        notes,
      });
      expect(badPrior.status).toBe(400);
      expect(badPrior.body.error.input).toBe('infraPlan.priorPlan');

      const noSuchEnvironment = await submit({
        title: 'task-runner: qa',
        entityRef: ENTITY,
        environment: 'qa',
        infraPlan: { plan: planText },
        notes,
      });
      expect(noSuchEnvironment.status).toBe(400);
      expect(noSuchEnvironment.body.error.message).toContain(
        'the plan has no environment "qa" (it has development, staging, production)',
      );

      const nothing = await submit({
        title: 'task-runner: empty',
        entityRef: ENTITY,
        environment: 'development',
        notes,
      });
      expect(nothing.status).toBe(400);
      expect(nothing.body.error.message).toContain(
        'a change needs a Terraform plan, generated files or an infrastructure plan',
      );

      expect([await count(), await estimates()]).toEqual(before);
    });
  },
);
