/**
 * The `compute` section: the EKS cluster and its managed node groups
 * (`aws_eks_cluster`, `aws_eks_node_group`).
 */
import { z } from 'zod';
import {
  dnsName,
  intOrPercent,
  memoryQuantity,
} from '../shared/schemaPrimitives';

/** @public */
export const taintSchema = z
  .object({
    key: z.string().min(1),
    value: z.string().optional(),
    effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
  })
  .strict();

/** @public */
export const nodeGroupSchema = z
  .object({
    name: dnsName,
    instanceTypes: z
      .array(
        z
          .string()
          .regex(
            /^[a-z][a-z0-9-]*\.[a-z0-9]+$/,
            'write an EC2 instance type such as t3.large or m6i.xlarge',
          ),
      )
      .min(1),
    capacityType: z.enum(['on-demand', 'spot']).optional(),
    minSize: z.number().int().nonnegative(),
    desiredSize: z.number().int().nonnegative(),
    maxSize: z.number().int().nonnegative(),
    diskSize: memoryQuantity.optional(),
    labels: z.record(z.string()).optional(),
    taints: z.array(taintSchema).optional(),
    /** Nodes replaced at once during an upgrade (`1` or `"25%"`). */
    maxUnavailable: intOrPercent.optional(),
  })
  .strict();

/** @public */
export const computeSchema = z
  .object({
    cluster: z
      .object({
        name: dnsName.optional(),
        kubernetesVersion: z
          .string()
          .regex(/^1\.\d{1,2}$/, 'write a minor version such as "1.30"'),
        endpointAccess: z
          .enum(['public', 'private', 'public-and-private'])
          .optional(),
        addons: z.array(z.string()).optional(),
      })
      .strict(),
    nodeGroups: z.array(nodeGroupSchema).min(1),
  })
  .strict();

/** @public */
export type ComputePlan = z.infer<typeof computeSchema>;
/** @public */
export type NodeGroup = z.infer<typeof nodeGroupSchema>;
