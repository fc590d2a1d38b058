/**
 * Generates an environment's infrastructure-as-code repository (Terraform,
 * Kubernetes manifests, Prometheus alert rules, review documents, catalog
 * entity) from an infrastructure plan, diffs two renderings, and checks the
 * generated files.
 *
 * @packageDocumentation
 */

export type {
  FileChange,
  GeneratedFileIssue,
  RenderEnvironmentOptions,
  RenderedFile,
  RenderedRepository,
  StateBackendOptions,
} from './types';
export { renderEnvironmentRepository } from './renderEnvironmentRepository';
export { diffRepositories } from './diffRepositories';
export { checkTerraformFiles } from './checks/terraform';
export {
  controllerLoadBalancers,
  terraformResources,
} from './checks/builtResources';
export type { BuiltResource } from './checks/builtResources';
export {
  checkKubernetesFiles,
  CHECKED_KUBERNETES_KINDS,
} from './checks/kubernetes';
export { gitAuthFor } from './remotes/gitRemoteAuth';
export type { GitAuth } from './remotes/gitRemoteAuth';
