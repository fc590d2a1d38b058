/**
 * A local Kubernetes API-compatible cluster simulator for Gatehouse: serves
 * the read paths Backstage's Kubernetes plugin and dashboards use, for
 * simulated development, staging and production clusters. It is a
 * simulator, not Kubernetes.
 *
 * @packageDocumentation
 */

export {
  startClusterSimulator,
  createClusterState,
  DEFAULT_CLUSTERS,
  DEFAULT_PORT_BASE,
} from './simulator';
export type {
  ClusterSimulator,
  ClusterSimulatorOptions,
  SimulatedClusterInfo,
} from './simulator';
export { ClusterState } from './model/ClusterState';
export type { ClusterStateOptions } from './model/ClusterState';
export { SimulatorError } from './model/errors';
export type { PodLogOptions } from './model/logs';
export { SCENARIO_ANNOTATION } from './model/generate';
export { EXAMPLE_SERVICES } from '../scenarios';
export { appConfigFor, toYaml, PLACEHOLDER_TOKEN } from './appConfig';
export type { AppConfigCluster, KubernetesAppConfig } from './appConfig';
export { parseFault, describeFault } from './server/faults';
export { validateKubernetesObject, validatedKinds } from './schema';
export { parseQuantity } from '@gatehouse/plugin-infra-plans-common';
export type {
  ClusterDefinition,
  ClusterFault,
  Environment,
  FaultSpec,
  KubeObject,
  KubeObjectMeta,
  KubeOwnerReference,
  WatchEvent,
} from './types';
