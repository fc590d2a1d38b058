/**
 * The clusters backend plugin: live workload health across clusters and the
 * SRE dashboard.
 *
 * @packageDocumentation
 */
export { clustersPlugin as default } from './plugin';
