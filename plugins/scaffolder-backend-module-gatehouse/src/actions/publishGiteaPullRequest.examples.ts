import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Propose an approved change to an environment whose repository is on Gitea: a branch with the changed files, its commit message carrying the change request and the approved content hash, and a pull request into main',
    example: yaml.stringify({
      steps: [
        {
          id: 'propose',
          action: 'gatehouse:publish:gitea:pull-request',
          name: 'Open a pull request on Gitea',
          input: {
            repoUrl:
              'gitea.example.com?owner=platform&repo=orchestrator-api-perf-test',
            branchName: 'gatehouse/${{ parameters.approval.requestId }}',
            targetBranch: 'main',
            title: 'Scale perf-test for the launch',
            description:
              'Approved in Gatehouse: /approvals/requests/${{ parameters.approval.requestId }}',
            commitMessage:
              'Scale perf-test for the launch\n\nGatehouse-Change: ${{ parameters.approval.requestId }}\nGatehouse-Hash: ${{ parameters.approval.contentHash }}\n',
          },
        },
      ],
    }),
  },
];
