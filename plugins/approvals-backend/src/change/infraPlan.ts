import { InputError } from '@backstage/errors';
import type {
  InfraPlanChange,
  InfraPlanReview,
} from '@gatehouse/plugin-approvals-common';
import {
  InvalidInfraPlanError,
  readInfraPlan,
} from '@gatehouse/plugin-cost-node';
import {
  diffPlans,
  type EnvironmentPlan,
  type InfraPlan,
  type PlanChange,
  type PlanIssue,
} from '@gatehouse/plugin-infra-plans-common';

/** An infrastructure plan as submitted: YAML text or an object. */
export type InfraPlanDocument = string | Record<string, unknown>;

/**
 * An infrastructure plan that does not validate: a 400 whose body carries
 * the plan's located issues (`error.issues`) and which input they are in
 * (`error.input`), so a form or a pipeline can point at each line.
 */
export class InvalidInfraPlanInputError extends InputError {
  readonly issues: PlanIssue[];
  readonly input: 'infraPlan.plan' | 'infraPlan.priorPlan';

  constructor(input: InvalidInfraPlanInputError['input'], error: Error) {
    super(`${input}: ${error.message}`);
    this.input = input;
    this.issues = error instanceof InvalidInfraPlanError ? error.issues : [];
  }
}

/** A submitted infrastructure plan, validated, with its semantic diff. */
export type SubmittedInfraPlan = {
  /** The documents as submitted: kept with the revision. */
  documents: { plan: InfraPlanDocument; priorPlan?: InfraPlanDocument };
  plan: InfraPlan;
  prior?: InfraPlan;
  /** The request's environment, and its part of the plan (and of the prior). */
  environment: string;
  current: EnvironmentPlan;
  previous?: EnvironmentPlan;
  /** Every difference from the prior plan (none without one). */
  changes: PlanChange[];
};

function read(
  document: InfraPlanDocument,
  input: InvalidInfraPlanInputError['input'],
  asOf: Date,
): InfraPlan {
  try {
    return readInfraPlan(document, '', { asOf });
  } catch (error) {
    throw new InvalidInfraPlanInputError(input, error as Error);
  }
}

/**
 * Validates a submitted infrastructure plan (and the prior one) with the
 * plan model's own rules on `asOf` (support calendars depend on the date), checks that it has the request's environment and
 * diffs it against the prior plan. Anything invalid is a 400 before
 * anything is stored.
 */
export function readSubmittedInfraPlan(
  documents: SubmittedInfraPlan['documents'],
  environment: string,
  asOf: Date,
): SubmittedInfraPlan {
  const plan = read(documents.plan, 'infraPlan.plan', asOf);
  const prior =
    documents.priorPlan === undefined
      ? undefined
      : read(documents.priorPlan, 'infraPlan.priorPlan', asOf);
  const current = plan.spec.environments[environment];
  if (!current) {
    throw new InputError(
      `infraPlan.plan: the plan has no environment "${environment}" (it has ${Object.keys(
        plan.spec.environments,
      ).join(', ')}); a change request applies one environment of a plan`,
    );
  }
  return {
    documents,
    plan,
    prior,
    environment,
    current,
    previous: prior?.spec.environments[environment],
    changes: prior ? diffPlans(prior, plan) : [],
  };
}

/** Changes that are part of this request: its environment's and the plan's own. */
function ownChanges(submitted: SubmittedInfraPlan): PlanChange[] {
  return submitted.changes.filter(
    c => c.environment === undefined || c.environment === submitted.environment,
  );
}

const toChange = (c: PlanChange): InfraPlanChange => ({
  path: c.path,
  kind: c.kind,
  ...(c.environment ? { environment: c.environment } : {}),
  summary: c.summary,
});

/**
 * One line per part of a new environment: the plan diffed against itself
 * with every list emptied, keeping the items (node groups, security group
 * rules, databases, workloads…) rather than every field.
 */
function creationLines(submitted: SubmittedInfraPlan): InfraPlanChange[] {
  const empty = (value: unknown): unknown => {
    if (Array.isArray(value)) return [];
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [key, empty(inner)]),
      );
    }
    return value;
  };
  const skeleton = {
    ...submitted.plan,
    spec: {
      ...submitted.plan.spec,
      environments: {
        [submitted.environment]: empty(submitted.current),
      },
    },
  } as InfraPlan;
  return diffPlans(skeleton, submitted.plan)
    .filter(c => c.environment === submitted.environment && c.kind === 'added')
    .map(toChange);
}

/** What the request page shows of the plan. */
export function reviewInfraPlan(
  submitted: SubmittedInfraPlan,
): InfraPlanReview {
  const own = ownChanges(submitted);
  return {
    service: submitted.plan.metadata.service,
    revision: submitted.plan.metadata.revision ?? null,
    priorRevision: submitted.prior?.metadata.revision ?? null,
    environment: submitted.environment,
    tier: submitted.current.tier,
    changes: submitted.prior ? own.map(toChange) : creationLines(submitted),
    otherEnvironmentChanges: submitted.changes.length - own.length,
  };
}

export type RiskReason = ['low' | 'medium' | 'high', string];

const DATA_STORES: Record<string, string> = {
  databases: 'database',
  caches: 'cache',
  objectStorage: 'bucket',
};

/** Fields whose change makes AWS build a new, empty data store. */
const REPLACING_FIELDS: Record<string, string[]> = {
  databases: ['engine', 'encrypted'],
  caches: ['engine'],
};

const OPEN_TO_ALL = ['0.0.0.0/0', '::/0'];

type Rule = {
  name?: string;
  protocol: string;
  ports?: number | string;
  cidr?: string;
  securityGroup?: string;
  self?: boolean;
};

function describeRule(rule: Rule) {
  const ports = rule.ports !== undefined ? ` ${rule.ports}` : '';
  let peer = 'itself';
  if (rule.cidr) peer = rule.cidr;
  else if (rule.securityGroup) peer = `security group ${rule.securityGroup}`;
  return `${rule.protocol}${ports} from ${peer}`;
}

const item = (path: string, list: string) =>
  new RegExp(`\\.${list}\\[name=([^\\]]+)\\]$`).exec(path)?.[1];

/**
 * Risk reasons of an infrastructure plan change, from the plan and its
 * semantic diff against the prior plan (a new plan is all additions):
 * removed or replaced data stores, ingress rules added or opened to the
 * internet, and instance class changes in production. Production itself and
 * the cost are assessed with every change (assessRisk).
 */
export function infraPlanRiskReasons(
  submitted: SubmittedInfraPlan,
  production: boolean,
): RiskReason[] {
  const reasons: RiskReason[] = [];
  const own = ownChanges(submitted);

  for (const change of own) {
    for (const [list, label] of Object.entries(DATA_STORES)) {
      const name = item(change.path, `data\\.${list}`);
      if (name && change.kind === 'removed') {
        reasons.push([
          'high',
          `removes ${label} ${name}: its data is deleted with it`,
        ]);
      }
    }
    const replaced = /\.data\.(databases|caches)\[name=([^\]]+)\]\.(\w+)$/.exec(
      change.path,
    );
    if (
      replaced &&
      change.kind === 'changed' &&
      REPLACING_FIELDS[replaced[1]]?.includes(replaced[3])
    ) {
      reasons.push([
        'high',
        `replaces ${DATA_STORES[replaced[1]]} ${replaced[2]} (${
          replaced[3]
        } ${String(change.before)} → ${String(
          change.after,
        )}): AWS builds a new, empty one`,
      ]);
    }
    const resized =
      /\.(compute\.nodeGroups|data\.databases|data\.caches)\[name=([^\]]+)\]\.(instanceTypes|instanceClass|nodeType)$/.exec(
        change.path,
      );
    if (resized && change.kind === 'changed' && production) {
      reasons.push(['medium', resizeReason(resized[1], resized[2], change)]);
    }
  }

  const internal: string[] = [];
  for (const { group, rule, opened } of addedIngress(submitted, own)) {
    if (rule.cidr && OPEN_TO_ALL.includes(rule.cidr)) {
      reasons.push([
        'high',
        `opens security group ${group} to the internet: ${
          opened && rule.name ? `rule ${rule.name} now allows ` : ''
        }${describeRule(rule)}`,
      ]);
    } else {
      internal.push(`${group}: ${describeRule(rule)}`);
    }
  }
  if (internal.length > 0) {
    const more = internal.length > 3 ? `; and ${internal.length - 3} more` : '';
    reasons.push([
      production ? 'high' : 'medium',
      `adds ingress rules to security groups (${internal
        .slice(0, 3)
        .join('; ')}${more})`,
    ]);
  }
  return reasons;
}

const formatValue = (v: unknown) =>
  Array.isArray(v) ? v.join(', ') : String(v);

function resizeReason(list: string, name: string, change: PlanChange) {
  const values = `${formatValue(change.before)} → ${formatValue(change.after)}`;
  if (list === 'compute.nodeGroups') {
    return `changes the instance types of node group ${name} in production (${values}): its nodes are replaced`;
  }
  if (list === 'data.databases') {
    return `changes the instance class of database ${name} in production (${values}): it restarts or fails over`;
  }
  return `changes the node type of cache ${name} in production (${values}): its nodes are replaced`;
}

/**
 * Ingress rules the change adds (every rule of a new plan or a new security
 * group) and rules whose peer it changes (`opened`).
 */
function addedIngress(
  submitted: SubmittedInfraPlan,
  own: PlanChange[],
): Array<{ group: string; rule: Rule; opened: boolean }> {
  const groups = submitted.current.network.securityGroups ?? [];
  if (!submitted.prior) {
    return groups.flatMap(g =>
      g.ingress.map(rule => ({ group: g.name, rule, opened: false })),
    );
  }
  const found: Array<{ group: string; rule: Rule; opened: boolean }> = [];
  for (const change of own) {
    const match =
      /\.network\.securityGroups\[name=([^\]]+)\](?:\.ingress\[[^\]]+\](\.cidr)?)?$/.exec(
        change.path,
      );
    if (!match) continue;
    const [, group, cidrField] = match;
    const isRule = change.path.includes('.ingress[');
    if (change.kind === 'added' && !isRule) {
      const added = change.after as { ingress?: Rule[] };
      for (const rule of added.ingress ?? []) {
        found.push({ group, rule, opened: false });
      }
    } else if (change.kind === 'added' && isRule && !cidrField) {
      found.push({ group, rule: change.after as Rule, opened: false });
    } else if (change.kind === 'changed' && cidrField) {
      const rulePath = change.path.replace(/\.cidr$/, '');
      const rule = groups
        .find(g => g.name === group)
        ?.ingress.find(r => rulePath.endsWith(`[name=${r.name}]`)) as
        | Rule
        | undefined;
      found.push({
        group,
        rule: rule ?? { protocol: 'rule', cidr: String(change.after) },
        opened: true,
      });
    }
  }
  return found;
}
