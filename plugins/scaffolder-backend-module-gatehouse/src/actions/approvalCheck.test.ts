import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createApprovalCheckAction } from './approvalCheck';

const values = {
  service: 'component:default/orchestrator-api',
  environment: 'perf-test',
  tier: 'development',
};

function actionReading(over: {
  approved?: boolean;
  followUpValues?: object;
  environment?: string;
}) {
  return createApprovalCheckAction({
    read: async () => ({
      request: {
        entityRef: 'component:default/orchestrator-api',
        environment: over.environment ?? 'perf-test',
        followUp: {
          templateRef: 'template:default/publish-environment',
          values: over.followUpValues ?? values,
        },
      } as any,
      gate: {
        approved: over.approved ?? true,
        reason:
          over.approved === false
            ? 'waiting for 1 of 1; needs platform-approvers'
            : 'approved',
      } as any,
    }),
  });
}

function run(
  action: ReturnType<typeof createApprovalCheckAction>,
  runValues: object = values,
) {
  const ctx = createMockActionContext({
    input: {
      approval: { requestId: 'req-1', contentHash: 'a'.repeat(64) },
      entityRef: 'component:default/orchestrator-api',
      environment: 'perf-test',
      values: {
        ...runValues,
        approval: { requestId: 'req-1', contentHash: 'a'.repeat(64) },
      },
    },
  });
  return action.handler(ctx as any).then(() => ctx.output as jest.Mock);
}

describe('gatehouse:approval:check', () => {
  it('goes on with the approved values of an approved request', async () => {
    const output = await run(actionReading({}));
    expect(output).toHaveBeenCalledWith('requestId', 'req-1');
  });

  it('stops a run whose request is not approved', async () => {
    await expect(run(actionReading({ approved: false }))).rejects.toThrow(
      /not approved: waiting for 1 of 1/,
    );
  });

  it('stops a run with values other than the approved ones', async () => {
    await expect(
      run(actionReading({}), { ...values, tier: 'production' }),
    ).rejects.toThrow(/values differ from the ones that were approved/);
  });

  it('stops a run for another environment', async () => {
    await expect(
      run(actionReading({ environment: 'staging' })),
    ).rejects.toThrow(/not component:default\/orchestrator-api perf-test/);
  });
});
