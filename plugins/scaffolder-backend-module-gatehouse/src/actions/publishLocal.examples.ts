import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Publish the rendered environment as a git repository in the local repositories folder and register it in the catalog',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'gatehouse:publish:local',
          name: 'Publish to the local repositories folder',
          input: {
            repoName: 'orchestrator-api-perf-test',
            commitMessage: 'perf-test environment of orchestrator-api',
          },
        },
      ],
    }),
  },
  {
    description:
      'Publish a new environment to an empty repository on a git server: committed in the local repositories folder (the catalog reads it there, as the mirror of the remote) and main pushed to the remote',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'gatehouse:publish:local',
          name: 'Publish to the git server',
          input: {
            repoName: 'orchestrator-api-perf-test',
            commitMessage: 'perf-test environment of orchestrator-api',
            remoteUrl:
              'https://git.example.com/platform/orchestrator-api-perf-test.git',
          },
        },
      ],
    }),
  },
];
