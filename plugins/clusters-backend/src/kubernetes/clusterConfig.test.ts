import { ConfigReader } from '@backstage/config';
import { readClusterConnections } from './clusterConfig';

describe('readClusterConnections', () => {
  it("reads the Kubernetes plugin's config-located clusters and their auth", () => {
    const config = new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          { type: 'catalog' },
          {
            type: 'config',
            clusters: [
              {
                name: 'sa',
                url: 'https://sa.example.com/',
                authProvider: 'serviceAccount',
                serviceAccountToken: 't0ken',
                caData: 'Y2E=',
              },
              {
                name: 'in-cluster',
                url: 'https://kubernetes.default.svc',
                authProvider: 'serviceAccount',
              },
              {
                name: 'eks',
                title: 'EKS',
                url: 'https://eks.example.com',
                authProvider: 'aws',
                assumeRole: 'arn:aws:iam::1:role/read',
                externalId: 'x',
              },
              {
                name: 'oidc',
                url: 'https://oidc.example.com',
                authMetadata: { 'kubernetes.io/auth-provider': 'oidc' },
                skipTLSVerify: true,
              },
            ],
          },
        ],
      },
    });
    expect(readClusterConnections(config)).toEqual([
      {
        name: 'sa',
        title: null,
        url: 'https://sa.example.com',
        auth: { provider: 'serviceAccount', token: 't0ken' },
        skipTLSVerify: false,
        caData: 'Y2E=',
        caFile: null,
      },
      expect.objectContaining({
        name: 'in-cluster',
        auth: { provider: 'serviceAccount', token: null },
      }),
      expect.objectContaining({
        name: 'eks',
        title: 'EKS',
        auth: {
          provider: 'aws',
          assumeRole: 'arn:aws:iam::1:role/read',
          externalId: 'x',
          awsClusterId: null,
        },
      }),
      expect.objectContaining({
        name: 'oidc',
        skipTLSVerify: true,
        auth: { provider: 'unsupported', name: 'oidc' },
      }),
    ]);
  });

  it('has no clusters without a config locator, and refuses duplicate names', () => {
    expect(readClusterConnections(new ConfigReader({}))).toEqual([]);
    const duplicate = {
      name: 'a',
      url: 'http://a',
      authProvider: 'serviceAccount',
    };
    expect(() =>
      readClusterConnections(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              { type: 'config', clusters: [duplicate, duplicate] },
            ],
          },
        }),
      ),
    ).toThrow("Duplicate cluster name 'a'");
  });
});
