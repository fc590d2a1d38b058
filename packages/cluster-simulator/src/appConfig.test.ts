import { appConfigFor, PLACEHOLDER_TOKEN, toYaml } from './appConfig';

describe('appConfigFor', () => {
  const clusters = [
    {
      name: 'eks-development-use1',
      url: 'http://127.0.0.1:6443',
      environment: 'development',
    },
    {
      name: 'eks-production-use1',
      url: 'http://127.0.0.1:6445',
      token: 'sekret',
    },
  ];

  it('builds the kubernetes: block for the Kubernetes plugin', () => {
    expect(appConfigFor(clusters)).toEqual({
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'eks-development-use1',
                title: 'eks-development-use1 (simulated development)',
                url: 'http://127.0.0.1:6443',
                authProvider: 'serviceAccount',
                serviceAccountToken: PLACEHOLDER_TOKEN,
                skipTLSVerify: true,
                skipMetricsLookup: false,
              },
              {
                name: 'eks-production-use1',
                url: 'http://127.0.0.1:6445',
                authProvider: 'serviceAccount',
                serviceAccountToken: 'sekret',
                skipTLSVerify: true,
                skipMetricsLookup: false,
              },
            ],
          },
        ],
        customResources: [
          { group: 'argoproj.io', apiVersion: 'v1alpha1', plural: 'rollouts' },
        ],
      },
    });
  });

  it('renders as YAML', () => {
    const yaml = toYaml(appConfigFor(clusters.slice(1)));
    expect(yaml).toBe(`kubernetes:
  serviceLocatorMethod:
    type: multiTenant
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: eks-production-use1
          url: http://127.0.0.1:6445
          authProvider: serviceAccount
          serviceAccountToken: sekret
          skipTLSVerify: true
          skipMetricsLookup: false
  customResources:
    - group: argoproj.io
      apiVersion: v1alpha1
      plural: rollouts
`);
    expect(toYaml({ a: 'true', b: '6443', c: 'x: y', d: [] })).toBe(
      'a: "true"\nb: "6443"\nc: "x: y"\nd: []\n',
    );
  });
});
