/**
 * The PromQL the alert rules and canary analyses are written in, and the
 * metric names they assume (listed in the package README):
 *
 * - `http_requests_total{code}` and `http_request_duration_seconds_bucket`,
 *   the Prometheus client libraries' HTTP server metrics, scraped with
 *   `namespace` and `pod` labels (kube-prometheus-stack does this);
 * - cAdvisor's `container_cpu_usage_seconds_total`,
 *   `container_memory_working_set_bytes` and kube-state-metrics'
 *   `kube_pod_container_resource_requests` / `_limits`;
 * - node-exporter's `node_filesystem_*` for disk;
 * - CloudWatch metrics as YACE exports them for SQS and RDS
 *   (`aws_sqs_approximate_number_of_messages_visible_maximum`, …).
 */

/** Label matchers selecting a workload's pods (`<name>-<replicaset hash>-<5 chars>`), or the whole namespace. */
export function podSelector(
  namespace: string,
  workload?: string,
  podTemplateHash = '[a-z0-9]+',
): string {
  const ns = `namespace="${namespace}"`;
  return workload
    ? `${ns}, pod=~"${workload}-${podTemplateHash}-[a-z0-9]{5}"`
    : ns;
}

/** Fraction of requests answered with a 5xx over a window. */
export function errorRatio(selector: string, window: string): string {
  return `sum(rate(http_requests_total{${selector}, code=~"5.."}[${window}])) / sum(rate(http_requests_total{${selector}}[${window}]))`;
}

/** A latency quantile in seconds over a window. */
export function latencyQuantile(
  quantile: number,
  selector: string,
  window: string,
): string {
  return `histogram_quantile(${quantile}, sum by (le) (rate(http_request_duration_seconds_bucket{${selector}}[${window}])))`;
}

/** CPU used as a percentage of the CPU requested. */
export function cpuPercentOfRequests(selector: string): string {
  return `100 * sum(rate(container_cpu_usage_seconds_total{${selector}, container!=""}[5m])) / sum(kube_pod_container_resource_requests{${selector}, resource="cpu"})`;
}

/** Memory in use as a percentage of the memory limit (or request, without a limit). */
export function memoryPercent(
  selector: string,
  of: 'limits' | 'requests',
): string {
  return `100 * sum(container_memory_working_set_bytes{${selector}, container!=""}) / sum(kube_pod_container_resource_${of}{${selector}, resource="memory"})`;
}

/** Root filesystem use of the nodes, in percent. */
export function nodeDiskPercent(): string {
  return '100 * max(1 - node_filesystem_avail_bytes{mountpoint="/", fstype!="tmpfs"} / node_filesystem_size_bytes{mountpoint="/", fstype!="tmpfs"})';
}

export function queueDepth(queueNames: string[]): string {
  return `max(aws_sqs_approximate_number_of_messages_visible_maximum{${queueMatcher(
    queueNames,
  )}})`;
}

export function queueOldestAgeSeconds(queueNames: string[]): string {
  return `max(aws_sqs_approximate_age_of_oldest_message_maximum{${queueMatcher(
    queueNames,
  )}})`;
}

export function replicaLagSeconds(instanceIds: string[]): string {
  return `max(aws_rds_replica_lag_maximum{dimension_DBInstanceIdentifier=~"${instanceIds
    .map(escapeRegex)
    .join('|')}"})`;
}

function queueMatcher(queueNames: string[]): string {
  return `dimension_QueueName=~"${queueNames.map(escapeRegex).join('|')}"`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\\\$&');
}

/** A PromQL number: no exponent, no trailing zeros. */
export function promNumber(value: number): string {
  return String(Number(value.toFixed(6)));
}
