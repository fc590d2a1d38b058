import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { appConfigFor } from '@gatehouse/cluster-simulator';
import { clustersPlugin } from '../plugin';
import { exampleEntities } from './exampleCatalog';
import {
  APPROVALS_ROUTES,
  COST_ROUTES,
  FakeCall,
  fakeSourcePlugin,
} from './fakePlugins';

/**
 * The clusters plugin in a test backend, pointed at (proxied) simulated
 * clusters, with the example catalog and stand-in approvals and cost plugins.
 */
export async function startClustersBackend(options: {
  clusters: Array<{ name: string; url: string }>;
  timeoutMs?: number;
  cacheTtlMs?: number;
  /** Background renewal while viewers look (default off, so tests count LISTs exactly). */
  keepWarmMs?: number;
  pageSize?: number;
  deny?: boolean;
  hangingSources?: boolean;
  /** The catalog (default: the repository's example catalog). */
  entities?: Entity[];
}) {
  const calls: FakeCall[] = [];
  const backend = await startTestBackend({
    features: [
      clustersPlugin,
      catalogServiceMock.factory({
        entities: options.entities ?? exampleEntities(),
      }),
      mockServices.rootConfig.factory({
        data: {
          ...appConfigFor(options.clusters),
          gatehouse: {
            clusters: {
              timeout: { milliseconds: options.timeoutMs ?? 1000 },
              cacheTtl: { milliseconds: options.cacheTtlMs ?? 5000 },
              keepWarm: { milliseconds: options.keepWarmMs ?? 0 },
              ...(options.pageSize && { pageSize: options.pageSize }),
            },
          },
        },
      }),
      mockServices.rootLogger.factory({ level: 'error' }),
      fakeSourcePlugin({
        pluginId: 'approvals',
        routes: APPROVALS_ROUTES,
        calls,
        hang: options.hangingSources,
      }),
      fakeSourcePlugin({
        pluginId: 'cost',
        routes: COST_ROUTES,
        calls,
        hang: options.hangingSources,
      }),
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
  return { backend, server: backend.server, calls };
}
