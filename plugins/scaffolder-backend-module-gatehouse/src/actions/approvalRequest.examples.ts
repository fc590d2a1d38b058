import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Ask for approval of a new production environment, continuing with a follow-up template once approved',
    example: yaml.stringify({
      steps: [
        {
          id: 'approval',
          action: 'gatehouse:approval:request',
          name: 'Request approval',
          input: {
            title: 'Production environment for orchestrator-api',
            entityRef: 'component:default/orchestrator-api',
            environment: 'production',
            rollbackPlan:
              'Run terraform destroy on the new workspace; nothing else depends on it yet.',
            testPlan:
              'Smoke tests against the new ingress; load test at 2x expected traffic.',
            followUpTemplate: 'template:default/publish-environment',
            followUpValues: {
              service: 'orchestrator-api',
              environment: 'production',
            },
          },
        },
      ],
    }),
  },
  {
    description:
      'Ask for approval of a change to one environment of an infrastructure plan: the approvals backend prices it against the plan in force and assesses its semantic diff',
    example: yaml.stringify({
      steps: [
        {
          id: 'approval',
          action: 'gatehouse:approval:request',
          name: 'Request approval',
          input: {
            title: 'orchestrator-api perf-test: room for the launch',
            entityRef: "${{ steps['change'].output.serviceRef }}",
            environment: "${{ steps['change'].output.environment }}",
            infraPlan: "${{ steps['change'].output.plan }}",
            priorInfraPlan: "${{ steps['change'].output.priorPlan }}",
            includeWorkspace: false,
            rollbackPlan: 'Apply the prior plan revision again.',
            testPlan: 'Load test at 2x the launch traffic in perf-test.',
          },
        },
      ],
    }),
  },
];
