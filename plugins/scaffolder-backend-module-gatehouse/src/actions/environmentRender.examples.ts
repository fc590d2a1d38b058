import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Render a staging environment of orchestrator-api from the staging preset, with a PostgreSQL database and canary delivery',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'gatehouse:environment:render',
          name: 'Render the environment repository',
          input: {
            service: 'component:default/orchestrator-api',
            owner: 'team-agents',
            system: 'orchestration-platform',
            environment: 'perf-test',
            tier: 'staging',
            region: 'us-east-1',
            database: true,
            cache: false,
            objectStorage: false,
            delivery: 'canary',
            clusterRef: 'resource:default/eks-staging-use1',
          },
        },
      ],
    }),
  },
];
