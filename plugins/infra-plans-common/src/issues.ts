/** Issue reporting shared by the schema check, the rules and the YAML parser. */

/** How serious a validation finding is. @public */
export type IssueSeverity = 'error' | 'warning';

/** One path segment: an object key or an array index. @public */
export type PathSegment = string | number;

/**
 * One validation finding, located at a path in the plan
 * (`spec.environments.production.network.subnets.database[2].cidr`) and,
 * when the plan was parsed from YAML text, at a 1-based line and column.
 * @public
 */
export interface PlanIssue {
  path: string;
  line?: number;
  column?: number;
  severity: IssueSeverity;
  /** What is wrong, with the offending values. */
  problem: string;
  /** How to fix it. */
  hint: string;
  /** Identifier of the rule that produced the issue (see the README's rule table). */
  rule: string;
}

/** An issue before its path is formatted; used internally to locate it in YAML. */
export interface RawIssue {
  segments: PathSegment[];
  severity: IssueSeverity;
  problem: string;
  hint: string;
  rule: string;
  /** Point at the key rather than the value (unknown fields). */
  atKey?: boolean;
}

/**
 * Formats path segments the way the issues show them:
 * `['spec', 'environments', 'prod', 'workloads', 0, 'name']` →
 * `spec.environments.prod.workloads[0].name`. Keys that are not identifiers
 * are quoted: `labels["app.kubernetes.io/name"]`.
 * @public
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) {
      out += out ? `.${segment}` : segment;
    } else {
      out += `[${JSON.stringify(segment)}]`;
    }
  }
  return out;
}

/** Collects issues for one rule run, relative to a base path. */
export class IssueSink {
  constructor(
    private readonly base: PathSegment[] = [],
    readonly issues: RawIssue[] = [],
  ) {}

  /** A sink that writes into this one under a longer base path. */
  at(...segments: PathSegment[]): IssueSink {
    return new IssueSink([...this.base, ...segments], this.issues);
  }

  error(
    rule: string,
    segments: PathSegment[],
    problem: string,
    hint: string,
  ): void {
    this.add('error', rule, segments, problem, hint);
  }

  warning(
    rule: string,
    segments: PathSegment[],
    problem: string,
    hint: string,
  ): void {
    this.add('warning', rule, segments, problem, hint);
  }

  add(
    severity: IssueSeverity,
    rule: string,
    segments: PathSegment[],
    problem: string,
    hint: string,
  ): void {
    this.issues.push({
      segments: [...this.base, ...segments],
      severity,
      problem,
      hint,
      rule,
    });
  }
}
