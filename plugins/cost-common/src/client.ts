import { jsonRequester, toSearch } from '@gatehouse/http-contract';
import type { KubernetesWorkloadEstimate } from './estimate';
import type {
  AccuracyQuery,
  EntityCostSummary,
  EstimateAccuracy,
  EstimateInfraPlanRequest,
  EstimateKubernetesRequest,
  EstimateTerraformRequest,
  SpendQuery,
  StoredEstimate,
  StoredEstimateSummary,
} from './api';
import type {
  BudgetStatus,
  CostAlert,
  IngestedFile,
  IngestionRun,
  SpendDimension,
  SpendMovers,
  SpendTimeseries,
  SpendTotals,
} from './spend';

/** How the client reaches the backend: Backstage's discovery and fetch APIs fit. @public */
export type CostClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
};

/** Everything the cost backend answers, typed. @public */
export interface CostApi {
  totals(query: SpendQuery): Promise<SpendTotals>;
  timeseries(query: SpendQuery & { top?: number }): Promise<SpendTimeseries>;
  movers(query: SpendQuery & { limit?: number }): Promise<SpendMovers>;
  budgets(query?: {
    month?: string;
    dimension?: SpendDimension;
    key?: string;
  }): Promise<{
    month: string;
    /** The day budgets are measured at: the newest day with data, or today. */
    asOf: string;
    /** The newest day with billing data; null before the first ingestion. */
    dataUpTo: string | null;
    budgets: BudgetStatus[];
  }>;
  alerts(query?: {
    dimension?: SpendDimension;
    key?: string;
    limit?: number;
  }): Promise<{ alerts: CostAlert[] }>;
  entitySummary(entityRef: string): Promise<EntityCostSummary>;
  estimateTerraform(request: EstimateTerraformRequest): Promise<StoredEstimate>;
  estimateKubernetes(
    request: EstimateKubernetesRequest,
  ): Promise<KubernetesWorkloadEstimate>;
  /** Prices an infrastructure plan (YAML text or object), optionally against its prior revision. */
  estimateInfraPlan(request: EstimateInfraPlanRequest): Promise<StoredEstimate>;
  /** An approved estimate against the spend of its service's environment since approval. */
  accuracy(query: AccuracyQuery): Promise<EstimateAccuracy>;
  listEstimates(query?: {
    entityRef?: string;
    limit?: number;
  }): Promise<{ estimates: StoredEstimateSummary[] }>;
  getEstimate(id: string): Promise<StoredEstimate>;
  startIngestion(): Promise<IngestionRun>;
  listIngestions(
    limit?: number,
  ): Promise<{ runs: IngestionRun[]; files: IngestedFile[] }>;
  getIngestion(id: string): Promise<IngestionRun>;
}

/** The typed client of the cost backend's HTTP contract (see api.ts). @public */
export class CostClient implements CostApi {
  constructor(options: CostClientOptions) {
    this.request = jsonRequester(options, 'cost');
  }

  private readonly request: ReturnType<typeof jsonRequester>;

  totals(query: SpendQuery) {
    return this.request<SpendTotals>(`/spend/totals${toSearch(query)}`);
  }
  timeseries(query: SpendQuery & { top?: number }) {
    return this.request<SpendTimeseries>(`/spend/timeseries${toSearch(query)}`);
  }
  movers(query: SpendQuery & { limit?: number }) {
    return this.request<SpendMovers>(`/spend/movers${toSearch(query)}`);
  }
  budgets(query?: {
    month?: string;
    dimension?: SpendDimension;
    key?: string;
  }) {
    return this.request<{
      month: string;
      asOf: string;
      dataUpTo: string | null;
      budgets: BudgetStatus[];
    }>(`/budgets${toSearch(query)}`);
  }
  alerts(query?: { dimension?: SpendDimension; key?: string; limit?: number }) {
    return this.request<{ alerts: CostAlert[] }>(`/alerts${toSearch(query)}`);
  }
  entitySummary(entityRef: string) {
    return this.request<EntityCostSummary>(
      `/entity-summary${toSearch({ entityRef })}`,
    );
  }
  estimateTerraform(request: EstimateTerraformRequest) {
    return this.request<StoredEstimate>('/estimates/terraform', {
      method: 'POST',
      body: request,
    });
  }
  estimateKubernetes(request: EstimateKubernetesRequest) {
    return this.request<KubernetesWorkloadEstimate>('/estimates/kubernetes', {
      method: 'POST',
      body: request,
    });
  }
  estimateInfraPlan(request: EstimateInfraPlanRequest) {
    return this.request<StoredEstimate>('/estimates/infra-plan', {
      method: 'POST',
      body: request,
    });
  }
  accuracy(query: AccuracyQuery) {
    return this.request<EstimateAccuracy>(`/accuracy${toSearch(query)}`);
  }
  listEstimates(query?: { entityRef?: string; limit?: number }) {
    return this.request<{ estimates: StoredEstimateSummary[] }>(
      `/estimates${toSearch(query)}`,
    );
  }
  getEstimate(id: string) {
    return this.request<StoredEstimate>(`/estimates/${encodeURIComponent(id)}`);
  }
  startIngestion() {
    return this.request<IngestionRun>('/ingestions', { method: 'POST' });
  }
  listIngestions(limit?: number) {
    return this.request<{ runs: IngestionRun[]; files: IngestedFile[] }>(
      `/ingestions${toSearch({ limit })}`,
    );
  }
  getIngestion(id: string) {
    return this.request<IngestionRun>(`/ingestions/${encodeURIComponent(id)}`);
  }
}
