import type { Config } from '@backstage/config';
import { AwsIamStrategy } from '@backstage/plugin-kubernetes-backend';
import {
  ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  ANNOTATION_KUBERNETES_AWS_CLUSTER_ID,
  ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID,
} from '@backstage/plugin-kubernetes-common';
import { readFile } from 'node:fs/promises';
import { ClusterAccessError } from './ClusterAccessError';
import type { ClusterConnection } from './clusterConfig';

/** Where Kubernetes mounts a pod's own service account token. */
const IN_CLUSTER_TOKEN_FILE =
  '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** EKS tokens live 15 minutes; sign a new one well before that. */
const AWS_TOKEN_REUSE_MS = 10 * 60_000;

/** The Authorization header for a cluster, per its configured auth provider. */
export interface ClusterCredentials {
  authorizationFor(cluster: ClusterConnection): Promise<string>;
}

/**
 * serviceAccount (a configured token, or the pod's own) and aws (EKS IAM,
 * signed by the Kubernetes backend's own AwsIamStrategy with the standard
 * AWS credential chain) — the server-side providers whose answers do not
 * depend on who is looking.
 */
export class ServerSideClusterCredentials implements ClusterCredentials {
  private readonly aws: AwsIamStrategy;
  private readonly awsTokens = new Map<
    string,
    { token: Promise<string>; expiresAt: number }
  >();

  constructor(config: Config) {
    this.aws = new AwsIamStrategy({ config });
  }

  async authorizationFor(cluster: ClusterConnection): Promise<string> {
    const auth = cluster.auth;
    if (auth.provider === 'serviceAccount') {
      // Projected tokens rotate: read the file each time (it is tiny).
      const token =
        auth.token ??
        (await readFile(IN_CLUSTER_TOKEN_FILE, 'utf8').catch(() => {
          throw new ClusterAccessError(
            'unauthorized',
            'no serviceAccountToken is configured and the backend does not run in a cluster',
          );
        }));
      return `Bearer ${token.trim()}`;
    }
    if (auth.provider === 'aws') {
      const cached = this.awsTokens.get(cluster.name);
      if (cached && cached.expiresAt > Date.now()) {
        return `Bearer ${await cached.token}`;
      }
      const token = this.aws
        .getCredential({
          name: cluster.name,
          url: cluster.url,
          authMetadata: {
            ...(auth.assumeRole && {
              [ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE]: auth.assumeRole,
            }),
            ...(auth.externalId && {
              [ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID]: auth.externalId,
            }),
            ...(auth.awsClusterId && {
              [ANNOTATION_KUBERNETES_AWS_CLUSTER_ID]: auth.awsClusterId,
            }),
          },
        })
        .then(credential => {
          if (credential.type !== 'bearer token')
            throw new Error('AWS signing gave no token');
          return credential.token;
        });
      this.awsTokens.set(cluster.name, {
        token,
        expiresAt: Date.now() + AWS_TOKEN_REUSE_MS,
      });
      try {
        return `Bearer ${await token}`;
      } catch (error) {
        this.awsTokens.delete(cluster.name);
        throw new ClusterAccessError(
          'unauthorized',
          `could not sign an EKS token: ${(error as Error).message}`,
        );
      }
    }
    throw new ClusterAccessError(
      'unsupported-auth',
      `the '${auth.name}' auth provider needs each viewer's own token; the dashboard reads clusters with server-side credentials (serviceAccount or aws)`,
    );
  }
}
