import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createMockDirectory } from '@backstage/backend-test-utils';
import yaml from 'yaml';
import { renderExpressions } from '../__testUtils__/examples';
import { createApprovalRequestAction } from './approvalRequest';
import { examples } from './approvalRequest.examples';

describe('gatehouse:approval:request', () => {
  const workspace = createMockDirectory();
  beforeEach(() => {
    workspace.setContent({
      'main.tf': 'resource "aws_instance" "a" {}\n',
      'k8s/deployment.yaml': 'kind: Deployment\n',
    });
  });

  function actionAnswering(status: string) {
    const submit = jest.fn(async (request: any) => ({
      id: 'req-1',
      status,
      contentHash: 'f'.repeat(64),
      policySummary:
        status === 'auto-approved'
          ? 'approved automatically'
          : '0 of 2; needs platform-approvers',
      request,
    }));
    return {
      submit,
      action: createApprovalRequestAction({ submit: submit as any }),
    };
  }

  it('runs its documented example: submits the workspace files and the follow-up, then ends waiting', async () => {
    const { submit, action } = actionAnswering('pending');
    const input = yaml.parse(examples[0].example).steps[0].input;
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);
    const [request] = submit.mock.calls[0] as any[];
    expect(request).toMatchObject({
      entityRef: 'component:default/orchestrator-api',
      environment: 'production',
      notes: { rollbackPlan: input.rollbackPlan, testPlan: input.testPlan },
      followUp: {
        templateRef: 'template:default/publish-environment',
        values: input.followUpValues,
      },
    });
    expect(request.files.map((f: any) => f.path)).toEqual([
      'k8s/deployment.yaml',
      'main.tf',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('autoApproved', false);
    expect(ctx.output).toHaveBeenCalledWith('url', '/approvals/requests/req-1');
  });

  it('runs its infrastructure plan example: passes the plan and the prior plan through, without workspace files', async () => {
    const { submit, action } = actionAnswering('auto-approved');
    // What the environment change step before it answers.
    const change = {
      output: {
        serviceRef: 'component:default/orchestrator-api',
        environment: 'perf-test',
        plan: 'apiVersion: gatehouse.io/v1alpha1\n# revision 2\n',
        priorPlan: 'apiVersion: gatehouse.io/v1alpha1\n# revision 1\n',
      },
    };
    const input = renderExpressions(
      yaml.parse(examples[1].example).steps[0].input,
      { steps: { change } },
    );
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);
    const [request] = submit.mock.calls[0] as any[];
    expect(request).toMatchObject({
      entityRef: 'component:default/orchestrator-api',
      environment: 'perf-test',
      infraPlan: {
        plan: change.output.plan,
        priorPlan: change.output.priorPlan,
      },
    });
    expect(request.files).toBeUndefined();
    expect(ctx.output).toHaveBeenCalledWith('autoApproved', true);
  });

  it('takes the plan as an object and leaves out a prior plan that rendered empty', async () => {
    const { submit, action } = actionAnswering('pending');
    const plan = {
      apiVersion: 'gatehouse.io/v1alpha1',
      kind: 'InfrastructurePlan',
    };
    const ctx = createMockActionContext({
      input: {
        title: 'New staging',
        entityRef: 'component:default/task-runner',
        environment: 'staging',
        infraPlan: plan,
        priorInfraPlan: '  ',
        rollbackPlan: 'r',
        testPlan: 't',
      },
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);
    const [request] = submit.mock.calls[0] as any[];
    expect(request.infraPlan).toEqual({ plan, priorPlan: undefined });
    // Without an infrastructure plan, none is sent.
    const plain = actionAnswering('pending');
    await plain.action.handler(
      createMockActionContext({
        input: {
          title: 'Files only',
          entityRef: 'component:default/x',
          environment: 'staging',
          infraPlan: '',
          rollbackPlan: 'r',
          testPlan: 't',
        },
        workspacePath: workspace.path,
      }) as any,
    );
    expect((plain.submit.mock.calls[0] as any[])[0].infraPlan).toBeUndefined();
  });

  it('continues in the same task when the change is approved automatically', async () => {
    const { action } = actionAnswering('auto-approved');
    const ctx = createMockActionContext({
      input: {
        title: 'Dev tweak',
        entityRef: 'component:default/x',
        environment: 'development',
        rollbackPlan: 'r',
        testPlan: 't',
      },
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith('autoApproved', true);
    expect(ctx.output).toHaveBeenCalledWith('status', 'auto-approved');
  });

  it('submits nothing in a dry run', async () => {
    const { submit, action } = actionAnswering('pending');
    const ctx = createMockActionContext({
      input: {
        title: 'Dry',
        entityRef: 'component:default/x',
        environment: 'staging',
        rollbackPlan: 'r',
        testPlan: 't',
      },
      workspacePath: workspace.path,
    });
    await action.handler({ ...ctx, isDryRun: true } as any);
    expect(submit).not.toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith('status', 'dry-run');
  });
});
