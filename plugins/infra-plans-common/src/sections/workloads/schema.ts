/**
 * The `workloads` section: what runs on the cluster (Deployment or Argo
 * Rollout, Service, HorizontalPodAutoscaler autoscaling/v2,
 * PodDisruptionBudget, Ingress).
 */
import { z } from 'zod';
import {
  cpuQuantity,
  dnsName,
  duration,
  hinted,
  intOrPercent,
  memoryQuantity,
  port,
} from '../shared/schemaPrimitives';

const probeSchema = z
  .object({
    http: z
      .object({
        path: z.string().startsWith('/'),
        port: z.union([port, z.string()]),
      })
      .strict()
      .optional(),
    tcp: z
      .object({ port: z.union([port, z.string()]) })
      .strict()
      .optional(),
    grpc: z.object({ port }).strict().optional(),
    exec: z
      .object({ command: z.array(z.string()).min(1) })
      .strict()
      .optional(),
    initialDelay: duration.optional(),
    period: duration.optional(),
    timeout: duration.optional(),
    failureThreshold: z.number().int().min(1).optional(),
  })
  .strict()
  .superRefine((probe, ctx) => {
    const kinds = ['http', 'tcp', 'grpc', 'exec'].filter(
      k => probe[k as keyof typeof probe] !== undefined,
    );
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        ...hinted(
          kinds.length === 0
            ? 'the probe has no check'
            : `the probe has ${kinds.length} checks (${kinds.join(', ')})`,
          'set exactly one of http: {path, port}, tcp: {port}, grpc: {port} or exec: {command}',
        ),
      });
    }
  });

const scalingRulesSchema = z
  .object({
    stabilizationWindow: duration.optional(),
    policies: z
      .array(
        z
          .object({
            type: z.enum(['percent', 'pods']),
            value: z.number().int().min(1),
            period: duration,
          })
          .strict(),
      )
      .optional(),
    selectPolicy: z.enum(['max', 'min', 'disabled']).optional(),
  })
  .strict();

/** Horizontal pod autoscaling (HorizontalPodAutoscaler autoscaling/v2). @public */
export const autoscalingSchema = z
  .object({
    minReplicas: z.number().int(),
    maxReplicas: z.number().int(),
    targets: z
      .object({
        /** Average CPU utilisation of requests, in percent. */
        cpuUtilization: z.number().optional(),
        /** Average memory utilisation of requests, in percent. */
        memoryUtilization: z.number().optional(),
        /** Requests per second per replica (ALB request count per target). */
        requestsPerSecond: z.number().positive().optional(),
        /** Queue depth: visible messages per replica of a queue in data.queues. */
        queue: z
          .object({
            name: dnsName,
            messagesPerReplica: z.number().int().min(1),
          })
          .strict()
          .optional(),
      })
      .strict(),
    behavior: z
      .object({
        scaleUp: scalingRulesSchema.optional(),
        scaleDown: scalingRulesSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const resourceAmountsSchema = z
  .object({ cpu: cpuQuantity, memory: memoryQuantity })
  .strict();

/** @public */
export const workloadSchema = z
  .object({
    name: dnsName,
    /** `service` gets a Kubernetes Service; `worker` has no inbound traffic. */
    type: z.enum(['service', 'worker']),
    description: z.string().optional(),
    image: z.string().regex(/^[^\s]+$/, 'an image reference has no spaces'),
    command: z.array(z.string()).optional(),
    ports: z
      .array(
        z
          .object({
            name: dnsName.max(15).optional(),
            containerPort: port,
            protocol: z.enum(['TCP', 'UDP']).optional(),
            /** Port of the Kubernetes Service; defaults to containerPort. */
            servicePort: port.optional(),
          })
          .strict(),
      )
      .optional(),
    replicas: z.number().int().nonnegative(),
    nodeGroup: dnsName.optional(),
    tolerations: z
      .array(
        z
          .object({
            key: z.string().min(1),
            value: z.string().optional(),
            effect: z
              .enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute'])
              .optional(),
          })
          .strict(),
      )
      .optional(),
    resources: z
      .object({
        requests: resourceAmountsSchema,
        limits: z
          .object({
            cpu: cpuQuantity.optional(),
            memory: memoryQuantity.optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    probes: z
      .object({
        liveness: probeSchema.optional(),
        readiness: probeSchema.optional(),
        startup: probeSchema.optional(),
      })
      .strict()
      .optional(),
    autoscaling: autoscalingSchema.optional(),
    disruptionBudget: z
      .object({
        minAvailable: intOrPercent.optional(),
        maxUnavailable: intOrPercent.optional(),
      })
      .strict()
      .superRefine((pdb, ctx) => {
        if (
          (pdb.minAvailable === undefined) ===
          (pdb.maxUnavailable === undefined)
        ) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            ...hinted(
              'a disruption budget sets exactly one of minAvailable and maxUnavailable',
              'keep one: maxUnavailable: 1 is the usual choice',
            ),
          });
        }
      })
      .optional(),
    /** Route traffic to this workload from a load balancer (Kubernetes Ingress). */
    expose: z
      .object({
        loadBalancer: dnsName,
        host: z.string().optional(),
        path: z.string().startsWith('/').optional(),
        port: z.union([port, z.string()]).optional(),
      })
      .strict()
      .optional(),
    /** Names of the data stores (databases, caches, buckets, queues) it uses. */
    uses: z.array(dnsName).optional(),
    /** Names of the secrets (security.secrets.items) mounted into it. */
    secrets: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** @public */
export type Workload = z.infer<typeof workloadSchema>;
/** @public */
export type Autoscaling = z.infer<typeof autoscalingSchema>;
/** @public */
export type Probe = NonNullable<NonNullable<Workload['probes']>['liveness']>;
