import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Estimate the monthly cost of the rendered environment and keep the estimate on the service's cost tab",
    example: yaml.stringify({
      steps: [
        {
          id: 'estimate',
          action: 'gatehouse:infra-plan:estimate',
          name: 'Estimate the monthly cost',
          input: {
            path: 'infra-plan.yaml',
            environment: 'perf-test',
            entityRef: 'component:default/orchestrator-api',
          },
        },
      ],
    }),
  },
];
