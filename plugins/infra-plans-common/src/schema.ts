/**
 * The infrastructure plan format (`infra-plan.yaml`), as zod schemas and the
 * TypeScript types inferred from them.
 *
 * This module composes the plan from its sections: each section of an
 * environment (network, compute, workloads, data stores, delivery,
 * observability, disaster recovery, security, SLOs, budget) has its schema,
 * its validation rules, its preset and its parts of the generated documents
 * in `sections/<section>/`.
 *
 * The schema checks shape and units; the rules in each section's
 * `validate.ts` check meaning (CIDR arithmetic, sizing bounds, tier
 * requirements). Field names follow the Terraform AWS provider and
 * Kubernetes APIs the plan is generated into, so a generator maps them one
 * to one: `network.vpc` → `aws_vpc`, `subnets.*` → `aws_subnet`,
 * `loadBalancers` → `aws_lb`, `compute.nodeGroups` → `aws_eks_node_group`,
 * `workloads[]` → Deployment/Service/HPA (autoscaling/v2)/PodDisruptionBudget/
 * Ingress or Argo Rollout, `data.databases` → `aws_db_instance`,
 * `data.caches` → `aws_elasticache_replication_group`, `data.objectStorage`
 * → `aws_s3_bucket`, `data.queues` → `aws_sqs_queue`.
 */
import { z } from 'zod';
import { budgetSchema } from './sections/budget/schema';
import { computeSchema } from './sections/compute/schema';
import { dataSchema } from './sections/dataStores/schema';
import { deliverySchema } from './sections/delivery/schema';
import { disasterRecoverySchema } from './sections/disasterRecovery/schema';
import { networkSchema } from './sections/network/schema';
import { observabilitySchema } from './sections/observability/schema';
import { securitySchema } from './sections/security/schema';
import { serviceMetadataSchema } from './sections/service/schema';
import { DNS_LABEL } from './sections/shared/schemaPrimitives';
import { slosSchema } from './sections/slos/schema';
import { workloadSchema } from './sections/workloads/schema';

export {
  loadBalancerSchema,
  naclSchema,
  networkSchema,
  securityGroupSchema,
  subnetSchema,
} from './sections/network/schema';
export type {
  LoadBalancer,
  Nacl,
  NetworkPlan,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  SubnetTier,
} from './sections/network/schema';
export {
  computeSchema,
  nodeGroupSchema,
  taintSchema,
} from './sections/compute/schema';
export type { ComputePlan, NodeGroup } from './sections/compute/schema';
export { autoscalingSchema, workloadSchema } from './sections/workloads/schema';
export type { Autoscaling, Probe, Workload } from './sections/workloads/schema';
export { dataSchema } from './sections/dataStores/schema';
export type { DataPlan } from './sections/dataStores/schema';
export { databaseSchema } from './sections/databases/schema';
export type { Database } from './sections/databases/schema';
export { cacheSchema } from './sections/caches/schema';
export type { Cache } from './sections/caches/schema';
export { bucketSchema } from './sections/buckets/schema';
export type { Bucket } from './sections/buckets/schema';
export { queueSchema } from './sections/queues/schema';
export type { Queue } from './sections/queues/schema';
export { deliverySchema } from './sections/delivery/schema';
export type {
  DeliveryPlan,
  DeliveryStrategy,
} from './sections/delivery/schema';
export {
  ALERT_SIGNALS,
  alertSchema,
  observabilitySchema,
} from './sections/observability/schema';
export type { Alert, ObservabilityPlan } from './sections/observability/schema';
export { disasterRecoverySchema } from './sections/disasterRecovery/schema';
export type { DisasterRecoveryPlan } from './sections/disasterRecovery/schema';
export { securitySchema } from './sections/security/schema';
export type { SecurityPlan } from './sections/security/schema';
export { slosSchema } from './sections/slos/schema';
export type { SlosPlan } from './sections/slos/schema';
export { budgetSchema } from './sections/budget/schema';
export type { BudgetPlan } from './sections/budget/schema';

/** The `apiVersion` of every plan. @public */
export const PLAN_API_VERSION = 'gatehouse.io/v1alpha1';
/** The `kind` of every plan. @public */
export const PLAN_KIND = 'InfrastructurePlan';

/** Environment tiers, from least to most demanding. @public */
export const TIERS = ['development', 'staging', 'production'] as const;

/** One environment of a plan. @public */
export const environmentSchema = z
  .object({
    tier: z.enum(TIERS),
    region: z.string().min(1),
    description: z.string().optional(),
    /** A sizing label for readers; the node groups define the real size. */
    size: z.enum(['small', 'medium', 'large']).optional(),
    network: networkSchema,
    compute: computeSchema,
    workloads: z.array(workloadSchema),
    data: dataSchema.optional(),
    delivery: deliverySchema.optional(),
    observability: observabilitySchema.optional(),
    disasterRecovery: disasterRecoverySchema.optional(),
    security: securitySchema.optional(),
    slos: slosSchema.optional(),
    budget: budgetSchema.optional(),
  })
  .strict();

/** The whole plan, as stored in `infra-plan.yaml`. @public */
export const infraPlanSchema = z
  .object({
    apiVersion: z.literal(PLAN_API_VERSION),
    kind: z.literal(PLAN_KIND),
    metadata: serviceMetadataSchema,
    spec: z
      .object({
        provider: z.literal('aws'),
        regions: z.array(z.string().min(1)).min(1),
        environments: z
          .record(
            z.string().regex(DNS_LABEL, 'environment names are DNS labels'),
            environmentSchema,
          )
          .refine(envs => Object.keys(envs).length > 0, {
            message: 'a plan has at least one environment',
            params: {
              hint: 'add development, staging and production sections',
            },
          }),
      })
      .strict(),
  })
  .strict();

/** A parsed infrastructure plan. @public */
export type InfraPlan = z.infer<typeof infraPlanSchema>;
/** One environment section. @public */
export type EnvironmentPlan = z.infer<typeof environmentSchema>;
/** An environment tier. @public */
export type Tier = (typeof TIERS)[number];
