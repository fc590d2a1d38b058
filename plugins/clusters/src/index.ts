/**
 * The clusters plugin: the SRE dashboard (workload health per environment and
 * cluster beside pending changes and spend) and a service's workload health
 * and spend trend cards.
 *
 * @packageDocumentation
 */
export { clustersPlugin as default } from './plugin';
export { clustersApiRef } from './api';
