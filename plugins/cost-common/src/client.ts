import { ClientOptions, routeCaller } from '@gatehouse/http-contract';
import type { KubernetesWorkloadEstimate } from './estimate';
import {
  AccuracyQuery,
  AlertsAnswer,
  AlertsQuery,
  BudgetsAnswer,
  BudgetsQuery,
  costRoutes,
  EntityCostSummary,
  EstimateAccuracy,
  EstimateInfraPlanRequest,
  EstimateKubernetesRequest,
  EstimatesList,
  EstimateTerraformRequest,
  IngestionsAnswer,
  ListEstimatesQuery,
  MoversQuery,
  SpendQuery,
  StoredEstimate,
  TimeseriesQuery,
} from './api';
import type {
  IngestionRun,
  SpendMovers,
  SpendTimeseries,
  SpendTotals,
} from './spend';

/** How the client reaches the backend: Backstage's discovery and fetch APIs fit. @public */
export type CostClientOptions = ClientOptions;

/** Everything the cost backend answers, typed. @public */
export interface CostApi {
  totals(query: SpendQuery): Promise<SpendTotals>;
  timeseries(query: TimeseriesQuery): Promise<SpendTimeseries>;
  movers(query: MoversQuery): Promise<SpendMovers>;
  budgets(query?: BudgetsQuery): Promise<BudgetsAnswer>;
  alerts(query?: AlertsQuery): Promise<AlertsAnswer>;
  entitySummary(entityRef: string): Promise<EntityCostSummary>;
  estimateTerraform(request: EstimateTerraformRequest): Promise<StoredEstimate>;
  estimateKubernetes(
    request: EstimateKubernetesRequest,
  ): Promise<KubernetesWorkloadEstimate>;
  /** Prices an infrastructure plan (YAML text or object), optionally against its prior revision. */
  estimateInfraPlan(request: EstimateInfraPlanRequest): Promise<StoredEstimate>;
  /** An approved estimate against the spend of its service's environment since approval. */
  accuracy(query: AccuracyQuery): Promise<EstimateAccuracy>;
  listEstimates(query?: ListEstimatesQuery): Promise<EstimatesList>;
  getEstimate(id: string): Promise<StoredEstimate>;
  startIngestion(): Promise<IngestionRun>;
  listIngestions(limit?: number): Promise<IngestionsAnswer>;
  getIngestion(id: string): Promise<IngestionRun>;
}

/** The typed client of the cost backend's contract ({@link costRoutes}). @public */
export class CostClient implements CostApi {
  private readonly call: ReturnType<typeof routeCaller>;

  constructor(options: CostClientOptions) {
    this.call = routeCaller(options, 'cost');
  }

  totals(query: SpendQuery) {
    return this.call(costRoutes.totals, { query });
  }
  timeseries(query: TimeseriesQuery) {
    return this.call(costRoutes.timeseries, { query });
  }
  movers(query: MoversQuery) {
    return this.call(costRoutes.movers, { query });
  }
  budgets(query: BudgetsQuery = {}) {
    return this.call(costRoutes.budgets, { query });
  }
  alerts(query: AlertsQuery = {}) {
    return this.call(costRoutes.alerts, { query });
  }
  entitySummary(entityRef: string) {
    return this.call(costRoutes.entitySummary, { query: { entityRef } });
  }
  estimateTerraform(request: EstimateTerraformRequest) {
    return this.call(costRoutes.estimateTerraform, { body: request });
  }
  estimateKubernetes(request: EstimateKubernetesRequest) {
    return this.call(costRoutes.estimateKubernetes, { body: request });
  }
  estimateInfraPlan(request: EstimateInfraPlanRequest) {
    return this.call(costRoutes.estimateInfraPlan, { body: request });
  }
  accuracy(query: AccuracyQuery) {
    return this.call(costRoutes.accuracy, { query });
  }
  listEstimates(query: ListEstimatesQuery = {}) {
    return this.call(costRoutes.listEstimates, { query });
  }
  getEstimate(id: string) {
    return this.call(costRoutes.getEstimate, { params: { id } });
  }
  startIngestion() {
    return this.call(costRoutes.startIngestion);
  }
  listIngestions(limit?: number) {
    return this.call(costRoutes.listIngestions, { query: { limit } });
  }
  getIngestion(id: string) {
    return this.call(costRoutes.getIngestion, { params: { id } });
  }
}
