import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClusterState, ClusterStateOptions } from './model/ClusterState';
import { SimulatorError } from './model/errors';
import { ClusterServer } from './server/ClusterServer';
import { describeFault, parseFault } from './server/faults';
import { sendJson, sendStatus } from './server/status';
import {
  ClusterDefinition,
  ClusterFault,
  Environment,
  FaultSpec,
} from './types';

/**
 * The three simulated clusters, one per environment.
 *
 * @public
 */
export const DEFAULT_CLUSTERS: ReadonlyArray<ClusterDefinition> = [
  { name: 'eks-development-use1', environment: 'development' },
  { name: 'eks-staging-use1', environment: 'staging' },
  { name: 'eks-production-use1', environment: 'production' },
];

/** @public */
export const DEFAULT_PORT_BASE = 6443;

/**
 * Options of {@link startClusterSimulator}.
 *
 * @public
 */
export interface ClusterSimulatorOptions {
  /**
   * Port of the first cluster; the others follow (6443, 6444, 6445 by
   * default). 0 gives every cluster an ephemeral port (for tests).
   */
  portBase?: number;
  /** The clusters to simulate (default: development, staging, production). */
  clusters?: ClusterDefinition[];
  /** Total pods per cluster, for benchmarks (see {@link ClusterStateOptions}). */
  podsPerCluster?: number;
  /** Number of synthetic bench services (default: one per 20 bench pods). */
  benchServices?: number;
  /** Bearer token every cluster requires (a cluster's own `token` wins). */
  token?: string;
  /** Faults at start-up, by cluster name. */
  faults?: Record<string, FaultSpec>;
  /** Simulation start time (default: now). */
  now?: number | Date;
  /** Server-side timeout of watches that do not set timeoutSeconds (default 1800). */
  watchTimeoutSeconds?: number;
  /** Changes kept per cluster for watches resuming from a resourceVersion. */
  historyLimit?: number;
  /** Interval of BOOKMARK events on watches with allowWatchBookmarks (default 60000). */
  bookmarkIntervalMs?: number;
}

/**
 * A running simulated cluster.
 *
 * @public
 */
export interface SimulatedClusterInfo {
  name: string;
  environment: Environment;
  url: string;
  port: number;
  token?: string;
}

/**
 * Handle of a running simulator.
 *
 * @public
 */
export interface ClusterSimulator {
  clusters: SimulatedClusterInfo[];
  /** Sets (replaces) a cluster's fault; `null`/`'none'` clears it. */
  setFault(cluster: string, fault: FaultSpec): Promise<void>;
  getFault(cluster: string): ClusterFault;
  /** The object state behind a cluster. */
  state(cluster: string): ClusterState;
  /** Scales a Deployment, StatefulSet or Rollout (emits watch events). */
  scale(
    cluster: string,
    namespace: string,
    name: string,
    replicas: number,
  ): void;
  /** Makes a pod's container crash into CrashLoopBackOff (emits watch events). */
  crash(
    cluster: string,
    namespace: string,
    pod: string,
    options?: {
      container?: string;
      exitCode?: number;
      restarts?: number;
      reason?: string;
    },
  ): void;
  /** Makes a pod running and ready again. */
  recover(cluster: string, namespace: string, pod: string): void;
  /** Deletes a pod; its controller replaces it. */
  deletePod(cluster: string, namespace: string, pod: string): void;
  /**
   * Compacts a cluster's change history (as etcd does): watches resuming
   * from an earlier resourceVersion get a 410 Expired ERROR event.
   */
  compact(cluster: string): void;
  /**
   * Ends a cluster's open watches normally, as an API server does at its
   * own timeout or on restart (clients watch again from their last version).
   */
  endWatches(cluster: string): void;
  stop(): Promise<void>;
}

function inferEnvironment(name: string): Environment | undefined {
  for (const env of ['development', 'staging', 'production'] as const) {
    if (name.includes(env)) {
      return env;
    }
  }
  if (/\bdev\b|-dev-/.test(name)) {
    return 'development';
  }
  if (/\bprod\b|-prod-/.test(name)) {
    return 'production';
  }
  return undefined;
}

/**
 * Creates one cluster's objects without any HTTP server. The environment
 * may be given directly or inferred from the cluster name.
 *
 * @public
 */
export function createClusterState(
  options: Partial<ClusterStateOptions> &
    ({ environment: Environment } | { name: string }),
): ClusterState {
  const environment =
    options.environment ??
    (options.name ? inferEnvironment(options.name) : undefined);
  if (!environment) {
    throw new Error(
      `Cannot tell the environment of cluster '${options.name}'; pass environment`,
    );
  }
  return new ClusterState({ ...options, environment });
}

async function readJsonBody(
  req: IncomingMessage,
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1024 * 1024) {
      throw new SimulatorError(
        'request body too large',
        413,
        'RequestEntityTooLarge',
      );
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) {
    return {};
  }
  try {
    const body = JSON.parse(text);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new Error('not an object');
    }
    return body;
  } catch {
    throw new SimulatorError(
      'request body must be a JSON object',
      400,
      'BadRequest',
    );
  }
}

function requireString(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (typeof v !== 'string' || !v) {
    throw new SimulatorError(
      `'${key}' (string) is required`,
      400,
      'BadRequest',
    );
  }
  return v;
}

/**
 * Starts one HTTP server per simulated cluster on 127.0.0.1.
 *
 * @public
 */
export async function startClusterSimulator(
  options: ClusterSimulatorOptions = {},
): Promise<ClusterSimulator> {
  const definitions = options.clusters ?? DEFAULT_CLUSTERS.map(c => ({ ...c }));
  const names = new Set<string>();
  for (const def of definitions) {
    if (names.has(def.name)) {
      throw new Error(`Duplicate cluster name '${def.name}'`);
    }
    names.add(def.name);
  }
  for (const name of Object.keys(options.faults ?? {})) {
    if (!names.has(name)) {
      throw new Error(`Fault given for unknown cluster '${name}'`);
    }
  }
  const portBase = options.portBase ?? DEFAULT_PORT_BASE;
  const servers = new Map<string, ClusterServer>();

  const serverFor = (cluster: string): ClusterServer => {
    const server = servers.get(cluster);
    if (!server) {
      throw new SimulatorError(`unknown cluster '${cluster}'`, 404, 'NotFound');
    }
    return server;
  };

  const handle: ClusterSimulator = {
    clusters: [],
    async setFault(cluster, fault) {
      await serverFor(cluster).setFault(parseFault(fault));
    },
    getFault(cluster) {
      return serverFor(cluster).fault;
    },
    state(cluster) {
      return serverFor(cluster).state;
    },
    scale(cluster, namespace, name, replicas) {
      serverFor(cluster).state.scale(namespace, name, replicas);
    },
    crash(cluster, namespace, pod, crashOptions) {
      serverFor(cluster).state.crash(namespace, pod, crashOptions);
    },
    recover(cluster, namespace, pod) {
      serverFor(cluster).state.recover(namespace, pod);
    },
    deletePod(cluster, namespace, pod) {
      serverFor(cluster).state.deletePod(namespace, pod);
    },
    compact(cluster) {
      serverFor(cluster).state.store.compact();
    },
    endWatches(cluster) {
      serverFor(cluster).endWatches();
    },
    async stop() {
      await Promise.all(Array.from(servers.values(), s => s.stop()));
    },
  };

  const admin = async (
    server: ClusterServer,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ) => {
    try {
      const path = url.pathname.replace(/\/+$/, '');
      const faults = () =>
        Object.fromEntries(
          Array.from(servers.values(), s => [
            s.name,
            { ...s.fault, summary: describeFault(s.fault) },
          ]),
        );
      if (req.method === 'GET' && path === '/__simulator/clusters') {
        sendJson(res, 200, {
          clusters: handle.clusters.map(c => ({
            name: c.name,
            environment: c.environment,
            url: c.url,
            fault: describeFault(serverFor(c.name).fault),
          })),
        });
        return;
      }
      if (req.method === 'GET' && path === '/__simulator/faults') {
        sendJson(res, 200, { faults: faults() });
        return;
      }
      if (req.method !== 'POST') {
        throw new SimulatorError('not found', 404, 'NotFound');
      }
      const body = await readJsonBody(req);
      const cluster =
        typeof body.cluster === 'string' && body.cluster
          ? body.cluster
          : server.name;
      const target = serverFor(cluster);
      switch (path) {
        case '/__simulator/faults': {
          let fault: ClusterFault;
          try {
            fault = parseFault(body.fault as FaultSpec);
          } catch (e) {
            throw new SimulatorError((e as Error).message, 400, 'BadRequest');
          }
          if (target === server && fault.down) {
            // Answer first: taking this very server down cuts its connections.
            res.on('finish', () => {
              target.setFault(fault).catch(() => {});
            });
            sendJson(res, 200, {
              cluster,
              fault,
              summary: describeFault(fault),
            });
            return;
          }
          await target.setFault(fault);
          sendJson(res, 200, { cluster, fault, summary: describeFault(fault) });
          return;
        }
        case '/__simulator/scale': {
          const replicas = Number(body.replicas);
          target.state.scale(
            requireString(body, 'namespace'),
            requireString(body, 'name'),
            replicas,
          );
          sendJson(res, 200, { cluster, ok: true });
          return;
        }
        case '/__simulator/crash':
          target.state.crash(
            requireString(body, 'namespace'),
            requireString(body, 'pod'),
            {
              container:
                typeof body.container === 'string' ? body.container : undefined,
              exitCode:
                typeof body.exitCode === 'number' ? body.exitCode : undefined,
            },
          );
          sendJson(res, 200, { cluster, ok: true });
          return;
        case '/__simulator/recover':
          target.state.recover(
            requireString(body, 'namespace'),
            requireString(body, 'pod'),
          );
          sendJson(res, 200, { cluster, ok: true });
          return;
        case '/__simulator/delete-pod':
          target.state.deletePod(
            requireString(body, 'namespace'),
            requireString(body, 'pod'),
          );
          sendJson(res, 200, { cluster, ok: true });
          return;
        default:
          throw new SimulatorError('not found', 404, 'NotFound');
      }
    } catch (e) {
      if (e instanceof SimulatorError) {
        sendStatus(res, e.code, e.message, e.reason, e.details);
      } else {
        sendStatus(res, 500, (e as Error).message);
      }
    }
  };

  definitions.forEach((def, index) => {
    const state = new ClusterState({
      name: def.name,
      environment: def.environment,
      podsPerCluster: options.podsPerCluster,
      benchServices: options.benchServices,
      now: options.now,
      historyLimit: options.historyLimit,
    });
    const port = def.port ?? (portBase === 0 ? 0 : portBase + index);
    servers.set(
      def.name,
      new ClusterServer(state, {
        port,
        token: def.token ?? options.token,
        fault: parseFault(options.faults?.[def.name]),
        admin: (server, req, res, url) => {
          admin(server, req, res, url);
        },
        watchTimeoutSeconds: options.watchTimeoutSeconds,
        bookmarkIntervalMs: options.bookmarkIntervalMs,
      }),
    );
  });

  try {
    for (const server of servers.values()) {
      await server.start();
    }
  } catch (e) {
    await handle.stop();
    throw e;
  }

  handle.clusters = definitions.map(def => {
    const server = servers.get(def.name)!;
    const info: SimulatedClusterInfo = {
      name: def.name,
      environment: def.environment,
      url: server.url,
      port: server.port,
    };
    if (server.token) {
      info.token = server.token;
    }
    return info;
  });
  return handle;
}
