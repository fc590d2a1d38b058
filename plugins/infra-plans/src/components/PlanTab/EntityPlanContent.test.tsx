import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { costApiRef } from '@gatehouse/plugin-cost-react';
import {
  InfraPlansApi,
  parsePlan,
  PlanRevision,
} from '@gatehouse/plugin-infra-plans-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { infraPlansApiRef } from '../../api';
import { EntityPlanContent } from './EntityPlanContent';

jest.mock('mermaid', () => ({
  __esModule: true,
  default: {
    initialize: jest.fn(),
    render: jest.fn(async (_id: string, source: string) => ({
      svg: `<svg><text>${source.split('\n')[0]}</text></svg>`,
    })),
  },
}));

const yaml = readFileSync(
  resolve(
    __dirname,
    '../../../../../examples/plans/orchestrator-api/infra-plan.yaml',
  ),
  'utf8',
);

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orchestrator-api',
    namespace: 'default',
    annotations: { 'gatehouse.io/infra-plan': './infra-plan.yaml' },
  },
  spec: { type: 'service', owner: 'team-agents', lifecycle: 'production' },
};

function revision(text: string, number: number): PlanRevision {
  const result = parsePlan(text);
  return {
    entityRef: 'component:default/orchestrator-api',
    revision: number,
    contentHash: String(number).repeat(64).slice(0, 64),
    source: number === 1 ? 'repository' : 'editor',
    author: number === 1 ? undefined : 'user:default/bob',
    createdAt: '2026-11-20T10:00:00.000Z',
    valid: result.valid,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    yaml: text,
    issues: result.issues,
    plan: result.plan,
  };
}

function fakeApi(latestText: string): jest.Mocked<InfraPlansApi> {
  const first = revision(yaml, 1);
  const latest = revision(latestText, 2);
  return {
    validate: jest.fn(),
    getPlan: jest.fn().mockResolvedValue({
      entityRef: latest.entityRef,
      source: {
        annotation: './infra-plan.yaml',
        location: 'file:/repo/infra-plan.yaml',
      },
      latest,
      revisionCount: 2,
    }),
    listRevisions: jest.fn().mockResolvedValue({ items: [latest, first] }),
    getRevision: jest.fn().mockResolvedValue(first),
    saveRevision: jest.fn(),
    diff: jest.fn().mockResolvedValue({
      entityRef: latest.entityRef,
      from: 1,
      to: 2,
      changes: [
        {
          path: 'spec.environments.production.compute.nodeGroups[name=general].maxSize',
          kind: 'changed',
          environment: 'production',
          before: 20,
          after: 40,
          summary: 'node group general: max 20 → 40',
        },
      ],
    }),
    documentUrl: jest.fn(),
    getDocument: jest.fn().mockResolvedValue('flowchart TB\n  a --> b'),
  };
}

const costApi = {
  estimateInfraPlan: jest.fn().mockRejectedValue(new Error('pricing offline')),
};

async function renderTab(api: InfraPlansApi) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityPlanContent />
    </EntityProvider>,
    {
      apis: [
        [infraPlansApiRef, api],
        [costApiRef, costApi],
      ] as any,
    },
  );
}

describe('EntityPlanContent', () => {
  it('shows the latest revision section by section, per environment, with its diagram and the diff from the one before', async () => {
    const api = fakeApi(
      yaml.replace(
        'desiredSize: 6\n            maxSize: 20',
        'desiredSize: 6\n            maxSize: 40',
      ),
    );
    await renderTab(api);

    expect(await screen.findByText('Revision 2')).toBeInTheDocument();
    expect(
      screen.getByText(
        /by user:default\/bob · from file:\/repo\/infra-plan.yaml/,
      ),
    ).toBeInTheDocument();
    const tabs = screen.getByRole('tablist', { name: 'environments' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map(t => t.textContent),
    ).toEqual([
      'development (development, us-east-1)',
      'staging (staging, us-east-1)',
      'production (production, us-east-1)',
    ]);
    // Development's node group first; production's after switching tabs.
    expect(screen.getByText('1 / 2 / 3')).toBeInTheDocument();
    fireEvent.click(within(tabs).getAllByRole('tab')[2]);
    expect(await screen.findByText('3 / 6 / 40')).toBeInTheDocument();
    expect(api.getDocument).toHaveBeenLastCalledWith(
      expect.objectContaining({ name: 'orchestrator-api' }),
      'topology.mmd',
      { revision: 2, environment: 'production' },
    );
    expect(await screen.findByTestId('topology-diagram')).toHaveTextContent(
      'flowchart TB',
    );

    // The cost plugin is asked for revision 2 against revision 1; its failure is shown, not hidden.
    expect(costApi.estimateInfraPlan).toHaveBeenLastCalledWith(
      expect.objectContaining({
        environment: 'production',
        priorPlan: yaml,
        save: false,
      }),
    );
    expect(
      await screen.findByText('Error: pricing offline'),
    ).toBeInTheDocument();

    const revisions = screen.getByRole('table', { name: 'plan revisions' });
    expect(within(revisions).getAllByRole('row')).toHaveLength(3);
    expect(api.diff).toHaveBeenCalledWith(expect.anything(), 1, 2);
    expect(
      await screen.findByText('node group general: max 20 → 40'),
    ).toBeInTheDocument();
  });

  it('lists validation issues with where they are and how to fix them', async () => {
    const api = fakeApi(
      yaml.replace('cidr: 10.10.1.0/24', 'cidr: 10.0.300.0/24'),
    );
    await renderTab(api);
    const issues = await screen.findByRole('table', {
      name: 'validation issues',
    });
    expect(
      within(issues).getByText(
        'spec.environments.development.network.subnets.public[0].cidr',
      ),
    ).toBeInTheDocument();
    expect(
      within(issues).getAllByText(/10\.0\.300\.0\/24/).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText(/error\(s\)/)).toBeInTheDocument();
  });
});
