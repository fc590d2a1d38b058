import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import { taskReadPermission } from '@backstage/plugin-scaffolder-common/alpha';
import { kubernetesProxyPermission } from '@backstage/plugin-kubernetes-common';
import { GatehousePermissionPolicy } from './policy';
import { policyRules } from './rules';

function userWith(
  userEntityRef: string,
  ownershipEntityRefs: string[],
): PolicyQueryUser {
  return {
    info: {
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, ...ownershipEntityRefs],
    },
  } as unknown as PolicyQueryUser;
}

const bob = userWith('user:default/bob', [
  'group:default/team-agents',
  'group:default/engineering',
]);
const grace = userWith('user:default/grace', ['group:default/platform-team']);
const frank = userWith('user:default/frank', ['group:default/sre']);
const guest = userWith('user:development/guest', []);

describe('GatehousePermissionPolicy', () => {
  const policy = new GatehousePermissionPolicy(policyRules);

  it('lets every signed-in user read the catalog, but for the follow-up templates only the approvals backend starts', async () => {
    expect(
      await policy.handle({ permission: catalogEntityReadPermission }, grace),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        not: {
          allOf: [
            {
              rule: 'IS_ENTITY_KIND',
              resourceType: 'catalog-entity',
              params: { kinds: ['Template'] },
            },
            {
              rule: 'HAS_SPEC',
              resourceType: 'catalog-entity',
              params: { key: 'type', value: 'environment-follow-up' },
            },
          ],
        },
      },
    });
  });

  it('limits unregistering entities to their owners, expressed as a catalog condition', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      bob,
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        params: {
          claims: expect.arrayContaining(['group:default/team-agents']),
        },
      },
    });
    expect(
      await policy.handle({ permission: catalogEntityDeletePermission }, grace),
    ).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('keeps operating the portal to the platform team', async () => {
    expect(
      await policy.handle({ permission: catalogLocationDeletePermission }, bob),
    ).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(
      await policy.handle(
        { permission: catalogLocationDeletePermission },
        grace,
      ),
    ).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('shows users only their own scaffolder tasks', async () => {
    const decision = await policy.handle(
      { permission: taskReadPermission },
      bob,
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: {
        rule: 'IS_TASK_OWNER',
        params: { createdBy: ['user:default/bob'] },
      },
    });
  });

  it('gives the Kubernetes proxy to the platform team and SRE only', async () => {
    const ask = (user: PolicyQueryUser) =>
      policy.handle({ permission: kubernetesProxyPermission }, user);
    expect((await ask(bob)).result).toBe(AuthorizeResult.DENY);
    expect((await ask(frank)).result).toBe(AuthorizeResult.ALLOW);
    expect((await ask(grace)).result).toBe(AuthorizeResult.ALLOW);
  });

  it('denies a Gatehouse permission that no rule grants', async () => {
    const unruled = createPermission({
      name: 'gatehouse.example.decide',
      attributes: {},
    });
    expect(await policy.handle({ permission: unruled }, grace)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('denies requests that carry no user', async () => {
    expect(
      await policy.handle({ permission: catalogEntityReadPermission }),
    ).toEqual({
      result: AuthorizeResult.DENY,
    });
  });
});

describe('the cost rules', () => {
  const policy = new GatehousePermissionPolicy(policyRules);
  const carol = userWith('user:default/carol', ['group:default/finops']);

  it('shows spend to everyone and leaves ingestion to FinOps and the platform team', async () => {
    const { costSpendReadPermission, costIngestionManagePermission } =
      jest.requireActual('@gatehouse/plugin-cost-common');
    expect(
      (await policy.handle({ permission: costSpendReadPermission }, bob))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
    const ingest = (user: PolicyQueryUser) =>
      policy.handle({ permission: costIngestionManagePermission }, user);
    expect((await ingest(bob)).result).toBe(AuthorizeResult.DENY);
    expect((await ingest(carol)).result).toBe(AuthorizeResult.ALLOW);
    expect((await ingest(grace)).result).toBe(AuthorizeResult.ALLOW);
  });
});

describe('the approvals rules', () => {
  const policy = new GatehousePermissionPolicy(policyRules);

  it('never lets people decide on their own requests', async () => {
    const { approvalRequestDecidePermission } = jest.requireActual(
      '@gatehouse/plugin-approvals-common',
    );
    const decision = await policy.handle(
      { permission: approvalRequestDecidePermission },
      bob,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'approvals',
      resourceType: 'approval-request',
      conditions: {
        not: {
          rule: 'IS_SUBMITTER',
          resourceType: 'approval-request',
          params: { userRef: 'user:default/bob' },
        },
      },
    });
  });

  it('lets the platform team and SREs report a delivery by hand, and nobody else', async () => {
    const { approvalDeliveryReportPermission } = jest.requireActual(
      '@gatehouse/plugin-approvals-common',
    );
    const decide = (user: PolicyQueryUser) =>
      policy.handle({ permission: approvalDeliveryReportPermission }, user);
    expect(await decide(grace)).toEqual({ result: AuthorizeResult.ALLOW });
    expect(await decide(frank)).toEqual({ result: AuthorizeResult.ALLOW });
    expect(await decide(bob)).toEqual({ result: AuthorizeResult.DENY });
  });
});

describe('the guest', () => {
  const policy = new GatehousePermissionPolicy(policyRules);
  const decide = (name: string, user: PolicyQueryUser) =>
    policy.handle(
      { permission: createPermission({ name, attributes: {} }) },
      user,
    );

  it.each([
    'catalog.location.create',
    'catalog.entity.create',
    'scaffolder.task.create',
    'scaffolder.action.execute',
    'scaffolder.template.dry-run',
  ])('may not %s, while a signed-in person may', async name => {
    expect(await decide(name, guest)).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(await decide(name, bob)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('still reads what a template asks', async () => {
    expect(await decide('scaffolder.template.parameter.read', guest)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });
});
