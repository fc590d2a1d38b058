/**
 * The cluster-timeout backend module for the kubernetes plugin.
 *
 * @packageDocumentation
 */

export { kubernetesModuleClusterTimeout as default } from './module';
