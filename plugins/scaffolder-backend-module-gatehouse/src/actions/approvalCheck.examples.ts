import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'First step of a follow-up template: go on only with the approved values of an approved request',
    example: yaml.stringify({
      steps: [
        {
          id: 'approved',
          action: 'gatehouse:approval:check',
          name: 'Check the approval',
          input: {
            approval: '${{ parameters.approval }}',
            entityRef: '${{ parameters.service }}',
            environment: '${{ parameters.environment }}',
            values: '${{ parameters }}',
          },
        },
      ],
    }),
  },
];
