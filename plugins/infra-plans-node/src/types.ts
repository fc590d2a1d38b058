import type {
  ApprovedChange,
  EnvironmentRepository,
  InfraPlan,
} from '@gatehouse/plugin-infra-plans-common';

/** Remote state settings of the generated Terraform configuration. @public */
export interface StateBackendOptions {
  bucket: string;
  /** Default `<service>/<environment>/terraform.tfstate`. */
  key?: string;
  /** Default: the environment's region. */
  region?: string;
  /** Default `<bucket>-locks`. */
  dynamodbTable?: string;
}

/** Input of {@link renderEnvironmentRepository}. @public */
export interface RenderEnvironmentOptions {
  /** A parsed, valid plan. */
  plan: InfraPlan;
  /** Key of `plan.spec.environments`. */
  environment: string;
  /** e.g. 'component:default/orchestrator-api'; default from plan.metadata.service */
  serviceRef?: string;
  /** where the repository will live, written into catalog-info/README when given */
  repositoryUrl?: string;
  /**
   * Where the repository is published, recorded on the environment entity
   * (`gatehouse.io/repository`) so later changes are proposed there and the
   * approvals backend watches its branch. Its web URL is the entity's
   * "Infrastructure repository" link when `repositoryUrl` is not given.
   */
  repository?: EnvironmentRepository;
  /**
   * The approved change this rendering delivers: every Kubernetes object's
   * metadata names it (`gatehouse.io/change-request`, `-hash`), so what runs
   * can be tied to what was approved. Left out when rendering a change for
   * review (it has no approval yet).
   */
  change?: ApprovedChange;
  /** remote state settings; sensible defaults derived from service/environment/region (S3 + DynamoDB lock) */
  stateBackend?: StateBackendOptions;
  /**
   * Catalog entity ref of the Kubernetes cluster resource the environment
   * runs on, e.g. 'resource:default/eks-production-use1'. When absent, the
   * EKS cluster this repository creates is registered in catalog-info.yaml
   * as a `kubernetes-cluster` Resource and the environment depends on it.
   */
  clusterRef?: string;
  /**
   * Who creates the application load balancers. `'ingress'` (default): an
   * Ingress per exposed workload, from which the AWS Load Balancer
   * Controller creates the ALB, its listeners and target groups; Terraform
   * keeps the certificates, security groups and WAF web ACL the Ingresses
   * refer to. `'target-group-binding'`: Terraform creates the ALB, listeners
   * and target groups, and the controller only registers pods in them
   * through TargetGroupBindings. Network load balancers are created by
   * Terraform either way.
   */
  loadBalancing?: 'ingress' | 'target-group-binding';
}

/** One generated file. @public */
export interface RenderedFile {
  path: string;
  content: string;
}

/** The files of a generated repository, sorted by path. @public */
export interface RenderedRepository {
  files: RenderedFile[];
}

/** One file that differs between two renderings. @public */
export interface FileChange {
  path: string;
  status: 'added' | 'removed' | 'changed';
  /** Unified diff (`--- a/path`, `+++ b/path`, hunks). */
  diff: string;
}

/** A problem found in a generated file. @public */
export interface GeneratedFileIssue {
  path: string;
  message: string;
}
