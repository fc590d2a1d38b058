import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Give the perf-test environment of orchestrator-api more room: node group max 6 → 12 and 4 replicas',
    example: yaml.stringify({
      steps: [
        {
          id: 'change',
          action: 'gatehouse:environment:change',
          name: 'Change the environment plan',
          input: {
            environmentRef: 'resource:default/orchestrator-api-perf-test',
            changes: { nodeGroupMax: 12, replicas: 4 },
          },
        },
      ],
    }),
  },
];
