/**
 * The `security` section: encryption at rest and in transit, the secrets
 * manager, the WAF, compliance frameworks, network policy and pod security.
 */
import { z } from 'zod';
import { duration, resourceName } from '../shared/schemaPrimitives';

/** @public */
export const securitySchema = z
  .object({
    encryption: z
      .object({
        atRest: z
          .object({
            enabled: z.boolean(),
            keyManagement: z
              .enum(['aws-managed', 'customer-managed'])
              .optional(),
          })
          .strict(),
        inTransit: z
          .object({
            enabled: z.boolean(),
            minTlsVersion: z.enum(['1.0', '1.1', '1.2', '1.3']).optional(),
          })
          .strict(),
      })
      .strict()
      .optional(),
    secrets: z
      .object({
        manager: z.enum([
          'aws-secrets-manager',
          'ssm-parameter-store',
          'vault',
          'kubernetes',
        ]),
        rotation: duration.optional(),
        items: z
          .array(
            z
              .object({
                name: z.string().min(1),
                description: z.string().optional(),
                rotation: duration.optional(),
              })
              .strict(),
          )
          .optional(),
      })
      .strict()
      .optional(),
    waf: z
      .object({
        enabled: z.boolean(),
        rules: z
          .array(
            z
              .object({
                name: resourceName,
                priority: z.number().int().nonnegative(),
                action: z.enum(['block', 'count', 'allow']),
                type: z.enum(['rate-limit', 'managed', 'ip-set', 'geo']),
                /** Requests per 5 minutes per IP, for rate-limit rules. */
                limit: z.number().int().positive().optional(),
                /** AWS managed rule group, e.g. AWSManagedRulesCommonRuleSet. */
                managedRuleGroup: z.string().optional(),
              })
              .strict(),
          )
          .optional(),
      })
      .strict()
      .optional(),
    compliance: z.array(z.string().min(1)).optional(),
    networkPolicy: z.object({ defaultDeny: z.boolean() }).strict().optional(),
    podSecurity: z.enum(['privileged', 'baseline', 'restricted']).optional(),
  })
  .strict();

/** @public */
export type SecurityPlan = z.infer<typeof securitySchema>;
