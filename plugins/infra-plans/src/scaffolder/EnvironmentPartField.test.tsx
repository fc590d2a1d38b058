import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { presetEnvironmentPlan } from '@gatehouse/plugin-infra-plans-common';
import { infraPlansApiRef } from '../api';
import { EnvironmentPartField } from './EnvironmentPartField';

/** A staging environment whose plan has two node groups. */
function environmentPlan() {
  const plan = presetEnvironmentPlan({
    service: 'orchestrator-api',
    owner: 'team-agents',
    environment: 'perf-test',
    tier: 'staging',
    asOf: new Date('2026-12-07T12:00:00Z'),
  });
  const groups = plan.spec.environments['perf-test'].compute.nodeGroups;
  groups.push({ ...structuredClone(groups[0]), name: 'batch' });
  return plan;
}

async function renderField(options: {
  environmentRef?: string;
  onChange?: jest.Mock;
  part?: string;
  required?: boolean;
}) {
  const getPlan = jest.fn().mockResolvedValue({
    entityRef: 'resource:default/orchestrator-api-perf-test',
    latest: { plan: environmentPlan() },
    revisionCount: 1,
  });
  const getEntityByRef = jest.fn().mockResolvedValue({
    metadata: {
      name: 'orchestrator-api-perf-test',
      annotations: { 'gatehouse.io/environment': 'perf-test' },
    },
  });
  await renderInTestApp(
    <EnvironmentPartField
      {...({
        formData: undefined,
        onChange: options.onChange ?? jest.fn(),
        uiSchema: { 'ui:options': { part: options.part ?? 'nodeGroup' } },
        formContext: { formData: { environmentRef: options.environmentRef } },
        schema: { title: 'Which node group' },
        idSchema: { $id: 'root_nodeGroup' },
        required: options.required,
      } as any)}
    />,
    {
      apis: [
        [infraPlansApiRef, { getPlan }],
        [catalogApiRef, { getEntityByRef }],
      ] as any,
    },
  );
  return { getPlan };
}

describe('EnvironmentPartField', () => {
  it("lists the chosen environment's node groups from its plan and answers the one picked", async () => {
    const onChange = jest.fn();
    const { getPlan } = await renderField({
      environmentRef: 'resource:default/orchestrator-api-perf-test',
      onChange,
    });
    expect(
      await screen.findByText(
        `Left empty, the first node group (${
          environmentPlan().spec.environments['perf-test'].compute.nodeGroups[0]
            .name
        }) is changed`,
      ),
    ).toBeInTheDocument();
    expect(getPlan).toHaveBeenCalledWith({
      kind: 'resource',
      namespace: 'default',
      name: 'orchestrator-api-perf-test',
    });
    fireEvent.mouseDown(screen.getByRole('button'));
    const options = within(screen.getByRole('listbox'));
    fireEvent.click(options.getByText('batch'));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('batch'));
  });

  it('offers no "first" default where a choice is required, as in a deployment', async () => {
    await renderField({
      environmentRef: 'resource:default/orchestrator-api-perf-test',
      required: true,
    });
    expect(
      await screen.findByText("One of the environment's node groups"),
    ).toBeInTheDocument();
    fireEvent.mouseDown(screen.getByRole('button'));
    const listbox = within(await screen.findByRole('listbox'));
    expect(listbox.queryByText('The first')).toBeNull();
    expect(listbox.getByText('batch')).toBeInTheDocument();
  });

  it('asks for the environment first', async () => {
    await renderField({});
    expect(
      await screen.findByText('Choose the environment first'),
    ).toBeInTheDocument();
  });

  it('says when the environment has none of a kind', async () => {
    await renderField({
      environmentRef: 'resource:default/orchestrator-api-perf-test',
      part: 'queue',
    });
    expect(
      await screen.findByText('This environment has no queue'),
    ).toBeInTheDocument();
  });
});
