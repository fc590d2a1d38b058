/**
 * Result types of the Gatehouse offline cost estimator.
 *
 * They live in the common package because three parties read them: the
 * estimator (`@gatehouse/plugin-cost-node`) writes them, the backend serves
 * them, and the frontend / approvals plugin show them.
 *
 * Money: every amount is in {@link CostEstimate.currency}. Amounts are computed
 * at full precision and rounded with {@link roundMoney} (6 decimal places, to
 * remove binary floating-point noise) when the result is built; totals are
 * summed from unrounded values. Cents only appear at presentation, through
 * {@link formatMoney}.
 */

/** Which Terraform resource instance, as `resource_changes` names it. @public */
export type ResourceIdentity = {
  address: string;
  type: string;
  name: string;
  mode: 'managed' | 'data';
  /** e.g. `module.a["x"].module.b`; absent for root-module resources. */
  moduleAddress?: string;
  /** `count` index or `for_each` key; absent for single instances. */
  index?: number | string;
};

/**
 * What Terraform plans to do with a resource. `replace` covers both
 * `["delete","create"]` and `["create","delete"]`.
 *
 * @public
 */
export type ResourceAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'replace'
  | 'no-op'
  | 'read'
  | 'forget';

/**
 * An inclusive span of monthly amounts.
 *
 * @public
 */
export type CostRange = {
  low: number;
  high: number;
};

/**
 * Where a usage quantity came from.
 * - `usage-file`: the operator's usage file.
 * - `default`: the estimator's documented default; the component then carries
 *   a {@link CostRange}.
 *
 * @public
 */
export type UsageSource = 'usage-file' | 'default';

/**
 * Where the unit price of a component comes from, as the pricing file says.
 *
 * - `price-list`: imported from an official AWS price-list offer file;
 *   `publicationDate` is the offer file's publication date.
 * - `cited`: the pricing file names a source (typically an AWS pricing page)
 *   but the price was not imported from a price-list file; `asOf` is the
 *   pricing file's effective date, the day its prices were taken.
 * - `approximate`: the pricing file marks the price as approximate (a note
 *   starting with "approximate"); `reason` is that note. Such a price was not
 *   checked against a price list and may be off.
 *
 * @public
 */
export type PriceProvenance =
  | { kind: 'price-list'; source: string; publicationDate: string }
  | { kind: 'cited'; source: string; asOf: string }
  | { kind: 'approximate'; source: string; reason: string };

/**
 * One priced line of a resource: e.g. "Instance usage (Linux, on-demand,
 * t3.medium)" at 730 hours × 0.0416 USD.
 *
 * @public
 */
export type CostComponent = {
  /** Human-readable name of the component. */
  name: string;
  /** Unit of {@link CostComponent.monthlyQuantity}, e.g. `hours`, `GB-months`. */
  unit: string;
  /** Quantity consumed per month, in {@link CostComponent.unit}. */
  monthlyQuantity: number;
  /** Price of one {@link CostComponent.unit}. */
  unitPrice: number;
  /** monthlyQuantity × unitPrice. */
  monthlyCost: number;
  /** Key of the price in the pricing file, e.g. `ec2:instance:t3.medium`. */
  priceKey: string;
  /** Where the price comes from (price page or price-list SKU description). */
  priceSource: string;
  /**
   * How far the price can be trusted, from the pricing file's entry. Absent
   * only in estimates made before provenance was recorded.
   */
  priceProvenance?: PriceProvenance;
  /** Set when the monthly cost is uncertain (usage defaults, scaling bounds). */
  range?: CostRange;
  /** Why there is a range, e.g. "node group scales between 1 and 4 nodes". */
  rangeReason?: string;
  /** Set when the quantity is usage-based. */
  usage?: {
    key: string;
    source: UsageSource;
  };
};

/**
 * The monthly cost of one resource on one side of the change.
 *
 * @public
 */
export type CostBreakdown = {
  monthly: number;
  /** Present when the monthly cost is uncertain. */
  range?: CostRange;
  components: CostComponent[];
};

/**
 * Whether a resource could be priced.
 * - `priced`: components come from the pricing file.
 * - `free`: data sources and resource types known to cost nothing.
 * - `unpriced`: the estimator could not price it; see `unpriced.reason`.
 *
 * @public
 */
export type PricingStatus = 'priced' | 'free' | 'unpriced';

/**
 * The estimate of one entry of the plan's `resource_changes`.
 *
 * @public
 */
export type ResourceCostEstimate = ResourceIdentity & {
  action: ResourceAction;
  /** Region the resource was priced in. */
  region: string;
  status: PricingStatus;
  /** Monthly cost before the change (zero for creates). */
  before: CostBreakdown;
  /** Monthly cost after the change (zero for deletes). */
  after: CostBreakdown;
  /** after.monthly − before.monthly. */
  delta: number;
  /** Range of the monthly cost after the change, when uncertain. */
  range?: CostRange;
  unpriced?: { reason: string };
  free?: { reason: string };
  /** Assumptions made while pricing, e.g. defaults used for unknown values. */
  notes?: string[];
  /**
   * How many of the resource's components (counted as in
   * {@link CostEstimateTotals.pricedComponents}) use an approximate price.
   * Set on priced resources of estimates that record provenance.
   */
  approximateComponents?: number;
};

/**
 * A resource the estimator could not price, with the reason.
 *
 * @public
 */
export type UnpricedResource = {
  address: string;
  type: string;
  action: ResourceAction;
  reason: string;
};

/**
 * Sums over priced resources. Unpriced resources are excluded from both
 * sides so that `delta` is always `monthlyAfter − monthlyBefore`.
 *
 * @public
 */
export type CostEstimateTotals = {
  monthlyBefore: number;
  monthlyAfter: number;
  delta: number;
  /** Range of `monthlyAfter` (equal to it when nothing is uncertain). */
  range: CostRange;
  /** Range of `delta`, scenario by scenario (low usage before and after, …). */
  deltaRange: CostRange;
  /**
   * Components of the priced resources, both sides of each change; a
   * component that is the same before and after (same name and price key)
   * counts once. Absent only in estimates made before provenance was
   * recorded.
   */
  pricedComponents?: number;
  /** How many of {@link CostEstimateTotals.pricedComponents} use an approximate price. */
  approximateComponents?: number;
};

/**
 * Counts of resources by action and pricing status.
 *
 * @public
 */
export type EstimateSummary = {
  create: number;
  update: number;
  delete: number;
  replace: number;
  noop: number;
  read: number;
  forget: number;
  counts: {
    total: number;
    priced: number;
    free: number;
    unpriced: number;
  };
};

/**
 * The estimate of a whole Terraform plan.
 *
 * @public
 */
export type CostEstimate = {
  schemaVersion: 1;
  currency: string;
  /** `version` of the pricing file used. */
  pricingVersion: string;
  /** `effectiveDate` of the pricing file used (YYYY-MM-DD). */
  pricingEffectiveDate: string;
  /** Default region of the plan (resources may override it). */
  region: string;
  hoursPerMonth: number;
  totals: CostEstimateTotals;
  resources: ResourceCostEstimate[];
  unpriced: UnpricedResource[];
  summary: EstimateSummary;
  /** Things the operator should know, e.g. unused usage-file entries. */
  warnings: string[];
  /** Present when the estimate prices a Gatehouse infrastructure plan. */
  infraPlan?: InfraPlanEstimateDetails;
};

/**
 * What an infrastructure plan's environment costs, as priced from the
 * resources the plan generates (module `module.<environment>` of the
 * estimate's resources).
 *
 * @public
 */
export type InfraPlanEnvironmentCost = {
  name: string;
  tier: string;
  region: string;
  /** How the environment differs from the prior plan revision. */
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  monthlyBefore: number;
  monthlyAfter: number;
  delta: number;
  /** Range of monthlyAfter (node groups min–max, usage defaults). */
  range: CostRange;
  /** The environment's `budget.monthlyUsd`, when the plan sets one. */
  budgetMonthly: number | null;
  /** Whether monthlyAfter exceeds the budget. */
  overBudget: boolean;
  unpricedCount: number;
};

/**
 * The workloads of one node group, priced as their pod requests' share of
 * the group's nodes. Informational: the nodes are already in the totals as
 * the node group resource, so these amounts are never added to them.
 *
 * @public
 */
export type InfraPlanWorkloadShare = {
  environment: string;
  nodeGroup: string;
  /** Instance type the shares are priced on (the group's first). */
  instanceType: string;
  desiredNodes: number;
  /** Instance hours of the group's desired nodes, per month. */
  nodeGroupMonthly: number;
  /** What the workloads' requests take of those nodes, per month. */
  requestedMonthly: number;
  /** requestedMonthly with every workload at its HPA minimum and maximum. */
  requestedRange: CostRange;
  /** requestedMonthly / nodeGroupMonthly (null for a group of 0 nodes). */
  shareOfNodeGroup: number | null;
  workloads: KubernetesWorkloadCost[];
  unpriced: { name: string; reason: string }[];
};

/**
 * Infrastructure-plan specifics of a {@link CostEstimate}.
 *
 * @public
 */
export type InfraPlanEstimateDetails = {
  /** The plan's `metadata.service`. */
  service: string;
  revision: number | null;
  /** Revision of the prior plan compared against, when one was given. */
  priorRevision: number | null;
  /** Whether a prior revision was compared (else everything is new). */
  comparedWithPrior: boolean;
  environments: InfraPlanEnvironmentCost[];
  workloads: InfraPlanWorkloadShare[];
};

/**
 * The estimate of one Kubernetes workload (Deployment, StatefulSet, …).
 *
 * @public
 */
export type KubernetesWorkloadCost = {
  kind: string;
  name: string;
  namespace: string;
  /** Replicas used for the point estimate. */
  replicas: number;
  /** Replica bounds when an HPA targets the workload. */
  replicaRange?: { min: number; max: number };
  /** Name of the HorizontalPodAutoscaler that targets the workload. */
  hpa?: string;
  /** Effective requests of one pod. */
  podRequests: { cpuCores: number; memoryGiB: number };
  /** max(cpu share, memory share) of one node taken by one pod. */
  podShareOfNode: number;
  /** The resource that decides the share. */
  dominantResource: 'cpu' | 'memory';
  monthlyPerPod: number;
  monthly: number;
  range?: CostRange;
};

/**
 * The estimate of a set of Kubernetes manifests on one node type.
 *
 * @public
 */
export type KubernetesWorkloadEstimate = {
  currency: string;
  pricingVersion: string;
  region: string;
  hoursPerMonth: number;
  node: {
    instanceType: string;
    vcpu: number;
    memoryGiB: number;
    hourlyPrice: number;
    monthlyPrice: number;
    /** Where the node's hourly price comes from. */
    priceProvenance?: PriceProvenance;
  };
  totals: { monthly: number; range: CostRange };
  workloads: KubernetesWorkloadCost[];
  unpriced: { kind: string; name: string; namespace: string; reason: string }[];
  /** Objects that are not workloads (Services, ConfigMaps, …). */
  skipped: { kind: string; name: string }[];
};
