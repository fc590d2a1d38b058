import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Validate the infra-plan.yaml rendered into the workspace and check the generated Terraform and Kubernetes files',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'gatehouse:infra-plan:validate',
          name: 'Validate the plan and the generated files',
          input: { path: 'infra-plan.yaml', checkGeneratedFiles: true },
        },
      ],
    }),
  },
];
