/**
 * Types, permissions, HTTP contract and client of Gatehouse's clusters
 * plugin: live workload health across clusters and the SRE dashboard.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './api';
export * from './permissions';
export { ClustersClient } from './client';
export type { ClustersApi, ClustersClientOptions } from './client';
