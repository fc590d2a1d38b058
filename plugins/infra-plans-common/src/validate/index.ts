import { IssueSink, PlanIssue, RawIssue, formatPath } from '../issues';
import {
  EnvironmentPlan,
  InfraPlan,
  environmentSchema,
  infraPlanSchema,
} from '../schema';
import { checkBuckets } from '../sections/buckets/validate';
import { checkBudget } from '../sections/budget/validate';
import {
  checkCacheEngineVersions,
  checkCacheNodeTypes,
  checkCaches,
} from '../sections/caches/validate';
import {
  checkCompute,
  checkKubernetesVersion,
  checkNodeGroupInstanceTypes,
} from '../sections/compute/validate';
import {
  checkDatabaseEngineVersions,
  checkDatabaseInstanceClasses,
  checkDatabases,
} from '../sections/databases/validate';
import { checkDataStoreNames } from '../sections/dataStores/validate';
import { checkDelivery } from '../sections/delivery/validate';
import { checkDisasterRecovery } from '../sections/disasterRecovery/validate';
import { checkNetwork } from '../sections/network/validate';
import { checkObservability } from '../sections/observability/validate';
import { checkQueues } from '../sections/queues/validate';
import { checkSecurity } from '../sections/security/validate';
import { checkRegionListed } from '../sections/service/validate';
import { EnvContext, createContext } from '../sections/shared/ruleContext';
import { checkSlos } from '../sections/slos/validate';
import { checkWorkloads } from '../sections/workloads/validate';
import { schemaIssues } from './schemaIssues';

/**
 * The rules of one environment, from every section, in the order their
 * issues are reported. The order is part of the output (issue lists, the
 * validation table of the generated documents), so a new rule goes where
 * its issues should appear rather than at the end by default.
 */
const ENVIRONMENT_RULES: readonly ((ctx: EnvContext) => void)[] = [
  checkNetwork,
  checkCompute,
  checkNodeGroupInstanceTypes,
  checkDatabaseInstanceClasses,
  checkCacheNodeTypes,
  checkKubernetesVersion,
  checkDatabaseEngineVersions,
  checkCacheEngineVersions,
  checkWorkloads,
  checkDataStoreNames,
  checkDatabases,
  checkCaches,
  checkBuckets,
  checkQueues,
  checkRegionListed,
  checkDelivery,
  checkObservability,
  checkDisasterRecovery,
  checkSecurity,
  checkSlos,
  checkBudget,
];

/** Options of {@link validatePlan} and {@link parsePlan}. @public */
export interface ValidationOptions {
  /**
   * The day the plan is judged on: versions are checked against the support
   * calendar on this date. Callers pass the current date (or a fixed one in
   * tests); when omitted it is the moment of the call.
   */
  asOf?: Date;
}

/** The outcome of {@link validatePlan} or {@link parsePlan}. @public */
export interface ValidationResult {
  /** True when there is no error (warnings allowed). */
  valid: boolean;
  /** The typed plan, when the document matches the schema. */
  plan?: InfraPlan;
  issues: PlanIssue[];
  errorCount: number;
  warningCount: number;
}

function runRules(
  plan: InfraPlan,
  name: string,
  env: EnvironmentPlan,
  sink: IssueSink,
  asOf: Date,
) {
  const ctx = createContext(plan, name, env, sink, asOf);
  for (const rule of ENVIRONMENT_RULES) rule(ctx);
}

/**
 * Schema check plus every rule, with issues as path segments (so the YAML
 * parser can locate them). When the whole plan does not match the schema,
 * the rules still run for each environment that does, so one typo does not
 * hide every other finding.
 */
export function collectIssues(
  input: unknown,
  asOf: Date,
): {
  plan?: InfraPlan;
  issues: RawIssue[];
} {
  const parsed = infraPlanSchema.safeParse(input);
  const sink = new IssueSink();
  if (parsed.success) {
    const plan = parsed.data;
    for (const [name, env] of Object.entries(plan.spec.environments)) {
      runRules(plan, name, env, sink, asOf);
    }
    return { plan, issues: sink.issues };
  }
  const issues = schemaIssues(parsed.error, input, infraPlanSchema);
  const spec = (
    input as { spec?: { regions?: unknown; environments?: unknown } } | null
  )?.spec;
  const regions = spec?.regions;
  const envs = spec?.environments;
  if (
    Array.isArray(regions) &&
    regions.every(r => typeof r === 'string') &&
    envs &&
    typeof envs === 'object'
  ) {
    for (const [name, raw] of Object.entries(envs as Record<string, unknown>)) {
      const env = environmentSchema.safeParse(raw);
      if (!env.success) continue;
      const partial = {
        ...(input as InfraPlan),
        spec: {
          ...(input as InfraPlan).spec,
          regions,
          environments: { [name]: env.data },
        },
      } as InfraPlan;
      runRules(partial, name, env.data, sink, asOf);
    }
  }
  return { issues: [...issues, ...sink.issues] };
}

/** Formats raw issues and counts them. */
export function toResult(
  plan: InfraPlan | undefined,
  issues: PlanIssue[],
): ValidationResult {
  const errorCount = issues.filter(i => i.severity === 'error').length;
  return {
    valid: errorCount === 0,
    ...(plan ? { plan } : {}),
    issues,
    errorCount,
    warningCount: issues.length - errorCount,
  };
}

/** Drops the internal fields of a raw issue. */
export function formatIssue(
  issue: RawIssue,
  position?: { line: number; column: number },
): PlanIssue {
  return {
    path: formatPath(issue.segments),
    ...(position ? { line: position.line, column: position.column } : {}),
    severity: issue.severity,
    problem: issue.problem,
    hint: issue.hint,
    rule: issue.rule,
  };
}

/**
 * Validates a plan object (already parsed from YAML or JSON, or built in
 * code): the schema first, then every rule. Issues have paths but no
 * line/column; use {@link parsePlan} on the YAML text for those.
 * @public
 */
export function validatePlan(
  plan: unknown,
  options: ValidationOptions = {},
): ValidationResult {
  const { plan: typed, issues } = collectIssues(
    plan,
    options.asOf ?? new Date(),
  );
  return toResult(
    typed,
    issues.map(issue => formatIssue(issue)),
  );
}
