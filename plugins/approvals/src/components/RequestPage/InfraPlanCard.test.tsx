import { screen, within } from '@testing-library/react';
import type { InfraPlanReview } from '@gatehouse/plugin-approvals-common';
import { changeRequest, fakeApprovalsApi } from '../../__testUtils__/fixtures';
import { renderWithApprovals } from '../../__testUtils__/render';
import { RequestView } from './RequestPage';

jest.setTimeout(20_000);

const review: InfraPlanReview = {
  service: 'task-runner',
  revision: 2,
  priorRevision: 1,
  environment: 'production',
  tier: 'production',
  changes: [
    {
      path: 'spec.environments.production.compute.nodeGroups[name=general].desiredSize',
      kind: 'changed',
      environment: 'production',
      summary: 'node group general: desired 3 → 4',
    },
    {
      path: 'spec.environments.production.data.objectStorage[name=task-artifacts]',
      kind: 'removed',
      environment: 'production',
      summary: 'bucket task-artifacts removed',
    },
  ],
  otherEnvironmentChanges: 2,
};

const card = () =>
  screen
    .getByText('Infrastructure plan', {
      selector: '.MuiCardHeader-title, .MuiCardHeader-title *',
    })
    .closest('.MuiCard-root') as HTMLElement;

describe('the infrastructure plan on the request page', () => {
  it("lists the plan's semantic diff for the request's environment", async () => {
    const request = changeRequest();
    const api = fakeApprovalsApi({
      get: jest.fn().mockResolvedValue({
        ...request,
        current: { ...request.current, hasPlan: false, infraPlan: review },
      }),
    });
    renderWithApprovals(<RequestView id="req-1" />, { api });
    await screen.findByRole('heading', { level: 1 });
    const section = within(card());
    expect(
      section.getByText('task-runner · production · revision 1 → 2'),
    ).toBeInTheDocument();
    const lines = section
      .getByRole('list', { name: 'Plan changes' })
      .querySelectorAll('li');
    expect([...lines].map(li => li.textContent)).toEqual([
      '~node group general: desired 3 → 4',
      '−bucket task-artifacts removed',
    ]);
    expect(
      section.getByText(/also changes other environments in 2 places/),
    ).toBeInTheDocument();
    // No Terraform plan: no (empty) resource changes section.
    expect(screen.queryByText('Resource changes')).not.toBeInTheDocument();
  });

  it('shows no such section for a change without an infrastructure plan', async () => {
    renderWithApprovals(<RequestView id="req-1" />, {
      api: fakeApprovalsApi(),
    });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByText('Infrastructure plan')).not.toBeInTheDocument();
    expect(screen.getByText('Resource changes')).toBeInTheDocument();
  });
});
