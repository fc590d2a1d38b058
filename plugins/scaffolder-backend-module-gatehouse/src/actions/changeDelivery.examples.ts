import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const approval = {
  requestId: '${{ parameters.approval.requestId }}',
  contentHash: '${{ parameters.approval.contentHash }}',
};

export const describeExamples: TemplateExample[] = [
  {
    description:
      'Describe the approved change for its pull request and commit (trailers included)',
    example: yaml.stringify({
      steps: [
        {
          id: 'describe',
          action: 'gatehouse:change:describe',
          name: 'Describe the approved change',
          input: { approval, summary: '${{ parameters.reason }}' },
        },
      ],
    }),
  },
];

export const proposedExamples: TemplateExample[] = [
  {
    description: 'Record the pull request the approved change was proposed in',
    example: yaml.stringify({
      steps: [
        {
          id: 'proposed',
          action: 'gatehouse:change:proposed',
          name: 'Record where the change was proposed',
          input: {
            approval,
            link: "${{ steps['pull-request'].output.remoteUrl }}",
            detail: 'pull request on github.com/acme/shop-production',
          },
        },
      ],
    }),
  },
];
