import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Propose an approved change to an environment whose repository is on a plain git server: the changed files as one commit on a new branch, its message carrying the change request and the approved content hash',
    example: yaml.stringify({
      steps: [
        {
          id: 'propose',
          action: 'gatehouse:publish:git-branch',
          name: 'Push the change as a branch',
          input: {
            remoteUrl:
              'https://git.example.com/platform/orchestrator-api-perf-test.git',
            targetBranch: 'main',
            branchName: 'gatehouse/${{ parameters.approval.requestId }}',
            commitMessage:
              'Scale perf-test for the launch\n\nGatehouse-Change: ${{ parameters.approval.requestId }}\nGatehouse-Hash: ${{ parameters.approval.contentHash }}\n',
          },
        },
      ],
    }),
  },
];
