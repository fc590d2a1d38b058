/**
 * What the clusters backend answers: workload health per service and cluster,
 * and the SRE dashboard that puts it next to change requests and spend.
 *
 * Services are matched to workloads by the `backstage.io/kubernetes-id` label
 * (and, when the entity has one, the `backstage.io/kubernetes-namespace`
 * annotation), the same way Backstage's Kubernetes plugin does.
 */

/** Why a pod counts as failing. @public */
export type FailingPodReason =
  /** A container keeps crashing and Kubernetes backs off restarting it. */
  | 'CrashLoopBackOff'
  /** A container waits for another reason (ImagePullBackOff, CreateContainerConfigError, …). */
  | 'ContainerWaiting'
  /** Running, but its readiness probe fails: it gets no traffic. */
  | 'NotReady'
  /** Not scheduled or not started yet (often: no node has room). */
  | 'Pending'
  /** Terminated with an error and not restarted. */
  | 'Failed';

/** @public */
export type FailingPod = {
  name: string;
  namespace: string;
  reason: FailingPodReason;
  /** Kubernetes' own words: the waiting/condition message or reason. */
  message: string;
  restarts: number;
  /** The workload that owns it, when known (Deployment, StatefulSet, Rollout or Job). */
  owner: string | null;
  /** When the pod was created. */
  since: string | null;
};

/** @public */
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'Rollout';

/** Ready against desired replicas of one workload. @public */
export type WorkloadReplicas = {
  kind: WorkloadKind;
  name: string;
  namespace: string;
  desired: number;
  ready: number;
  /**
   * The approved change the workload's manifest names
   * (`gatehouse.io/change-request`, `gatehouse.io/change-hash`), or null when
   * it names none.
   */
  change?: { requestId: string; contentHash: string } | null;
};

/** A HorizontalPodAutoscaler that cannot scale out any further. @public */
export type HpaAtMaximum = {
  name: string;
  namespace: string;
  /** `Deployment/orchestrator-api`. */
  target: string;
  currentReplicas: number;
  maxReplicas: number;
  /** Kubernetes' ScalingLimited message, when it gave one. */
  message: string | null;
};

/** @public */
export type HealthStatus = 'healthy' | 'degraded' | 'failing';

/** One service's workloads on one cluster. @public */
export type ServiceWorkloadHealth = {
  /** The `backstage.io/kubernetes-id` the workloads carry. */
  serviceId: string;
  /** The catalog entity, when one claims this id. */
  entityRef: string | null;
  title: string | null;
  status: HealthStatus;
  ready: number;
  desired: number;
  workloads: WorkloadReplicas[];
  failingPods: FailingPod[];
  hpasAtMaximum: HpaAtMaximum[];
};

/** What went wrong reaching a cluster. @public */
export type ClusterErrorKind =
  | 'timeout'
  | 'unreachable'
  | 'unauthorized'
  | 'http'
  | 'unsupported-auth';

/** @public */
export type ClusterError = { kind: ClusterErrorKind; message: string };

/** A cluster as the dashboard shows it. @public */
export type ClusterSummary = {
  name: string;
  title: string | null;
  /** From the cluster's catalog Resource (`gatehouse.io/environment`). */
  environment: string | null;
  /** The cluster's catalog Resource (type kubernetes-cluster), when there is one. */
  entityRef: string | null;
};

/** Workload health on one cluster: every service, or the cluster's error. @public */
export type ClusterHealth = ClusterSummary & {
  status: 'ok' | 'error';
  /** Set when the cluster could not be read (timeout, refused, 5xx, …). */
  error: ClusterError | null;
  /** When the objects shown were listed from the cluster. */
  fetchedAt: string | null;
  totals: {
    services: number;
    ready: number;
    desired: number;
    failingPods: number;
    hpasAtMaximum: number;
  };
  /** Every service with workloads on the cluster, the unhealthy first. */
  services: ServiceWorkloadHealth[];
};

/** `GET /entities/:kind/:namespace/:name/health`. @public */
export type EntityWorkloadHealth = {
  entityRef: string;
  serviceId: string;
  namespace: string | null;
  status: HealthStatus;
  clusters: Array<
    ClusterSummary & {
      status: 'ok' | 'error';
      error: ClusterError | null;
      fetchedAt: string | null;
      /** null when the service has no workloads on this cluster. */
      health: ServiceWorkloadHealth | null;
    }
  >;
};

/** A change request as the dashboard lists it. @public */
export type DashboardChange = {
  id: string;
  title: string;
  entityRef: string;
  environment: string;
  status: string;
  riskLevel: string;
  costDelta: number | null;
  submitter: string;
  createdAt: string;
  updatedAt: string;
};

/** A budget with its spend, linked to what it is for. @public */
export type DashboardBudget = {
  dimension: 'service' | 'team' | 'environment';
  key: string;
  /** The catalog entity the budget is for (a component or group), when known. */
  entityRef: string | null;
  monthlyBudget: number;
  actualToDate: number;
  forecast: number;
  percentUsed: number;
  forecastPercent: number;
  status: 'ok' | 'warning' | 'over';
};

/** @public */
export type DashboardCostAlert = {
  id: string;
  kind: string;
  dimension: string;
  key: string;
  entityRef: string | null;
  message: string;
  createdAt: string;
};

/** Whether a source the dashboard asks (approvals, cost) answered. @public */
export type SourceStatus =
  | { status: 'ok' }
  | { status: 'error'; message: string };

/** Everything the dashboard shows for one environment. @public */
export type EnvironmentSection = {
  name: string;
  clusters: ClusterHealth[];
  /** Open change requests (pending or changes requested), oldest first. */
  pendingChanges: DashboardChange[];
  /** Approved in the last {@link SreDashboard.recentDays} days, newest first. */
  recentlyApproved: DashboardChange[];
  spend: {
    /** Month-to-date spend in the environment; null when unknown. */
    monthToDate: number | null;
    budget: DashboardBudget | null;
  };
  costAlerts: DashboardCostAlert[];
};

/** `GET /dashboard`. @public */
export type SreDashboard = {
  generatedAt: string;
  recentDays: number;
  environments: EnvironmentSection[];
  /** Budgets and alerts of services and teams (not of one environment). */
  acrossEnvironments: {
    budgets: DashboardBudget[];
    costAlerts: DashboardCostAlert[];
  };
  spendPeriod: { month: string; asOf: string } | null;
  /** Change requests and spend come from other plugins; either may fail alone. */
  sources: { approvals: SourceStatus; cost: SourceStatus };
};
