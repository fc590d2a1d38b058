/**
 * The environments the simulator knows how to populate.
 *
 * @public
 */
export type Environment = 'development' | 'staging' | 'production';

/**
 * One simulated cluster: its name and which environment's workloads it holds.
 *
 * @public
 */
export interface ClusterDefinition {
  name: string;
  environment: Environment;
  /** Fixed port for this cluster; otherwise `portBase + index` (or ephemeral when `portBase` is 0). */
  port?: number;
  /** Bearer token for this cluster; overrides the simulator-wide `token`. */
  token?: string;
}

/**
 * A fault injected into one simulated cluster. Faults apply to every request
 * except the `/__simulator/*` admin paths.
 *
 * - `down`: the cluster stops listening (connections are refused) and open connections are cut.
 * - `hang`: connections are accepted and requests read, but never answered.
 * - `delayMs`: every answer is delayed by that many milliseconds.
 * - `error5xx`: every answer is a `Status` with that 5xx code (`true` means 503).
 *
 * @public
 */
export interface ClusterFault {
  down?: boolean;
  hang?: boolean;
  delayMs?: number;
  error5xx?: number | boolean;
}

/**
 * A fault, either as an object or in the short string form used by the CLI:
 * `none`, `down`, `hang`, `error5xx`, `error5xx:502`, `delayMs:1500`,
 * combined with `+` (e.g. `delayMs:200+error5xx:500`).
 *
 * @public
 */
export type FaultSpec = ClusterFault | string | null | undefined;

/**
 * A Kubernetes object as the simulator stores it.
 *
 * @public
 */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta;
  [key: string]: unknown;
}

/** @public */
export interface KubeOwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** @public */
export interface KubeObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: KubeOwnerReference[];
  finalizers?: string[];
}

/**
 * A change to a cluster's objects, as delivered to watchers.
 *
 * @public
 */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}
