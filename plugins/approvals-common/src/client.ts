import { ClientOptions, fillPath, routeCaller } from '@gatehouse/http-contract';
import {
  approvalsRoutes,
  DecideRequest,
  DeliveryReport,
  GateAnswer,
  ListRequestsQuery,
  RequestCounts,
  RequestsPage,
  SubmitRequest,
  SubmittedInfraPlan,
  SubmittedTerraformPlan,
  UnapprovedChangesPage,
  UnapprovedChangesQuery,
} from './api';
import type { ChangeRequest } from './types';

/** @public */
export type ApprovalsClientOptions = ClientOptions;

/** @public */
export interface ApprovalsApi {
  submit(request: SubmitRequest): Promise<ChangeRequest>;
  list(query?: ListRequestsQuery): Promise<RequestsPage>;
  counts(): Promise<RequestCounts>;
  get(id: string): Promise<ChangeRequest>;
  decide(id: string, decision: DecideRequest): Promise<ChangeRequest>;
  gate(id: string, hash?: string): Promise<GateAnswer>;
  terraformPlan(id: string, revision: number): Promise<SubmittedTerraformPlan>;
  infraPlan(id: string, revision: number): Promise<SubmittedInfraPlan>;
  /** Where the browser downloads a revision's Terraform plan. */
  planUrl(id: string, revision: number): Promise<string>;
  reportDelivery(id: string, report: DeliveryReport): Promise<ChangeRequest>;
  unapprovedChanges(
    query?: UnapprovedChangesQuery,
  ): Promise<UnapprovedChangesPage>;
}

/** The typed client of the approvals backend's contract ({@link approvalsRoutes}). @public */
export class ApprovalsClient implements ApprovalsApi {
  private readonly call: ReturnType<typeof routeCaller>;

  constructor(private readonly options: ApprovalsClientOptions) {
    this.call = routeCaller(options, 'approvals');
  }

  submit(request: SubmitRequest) {
    return this.call(approvalsRoutes.submit, { body: request });
  }
  list(query: ListRequestsQuery = {}) {
    return this.call(approvalsRoutes.list, { query });
  }
  counts() {
    return this.call(approvalsRoutes.counts);
  }
  get(id: string) {
    return this.call(approvalsRoutes.get, { params: { id } });
  }
  decide(id: string, decision: DecideRequest) {
    return this.call(approvalsRoutes.decide, {
      params: { id },
      body: decision,
    });
  }
  gate(id: string, hash?: string) {
    return this.call(approvalsRoutes.gate, {
      params: { id },
      query: { hash },
    });
  }
  terraformPlan(id: string, revision: number) {
    return this.call(approvalsRoutes.terraformPlan, {
      params: { id, revision },
    });
  }
  infraPlan(id: string, revision: number) {
    return this.call(approvalsRoutes.infraPlan, { params: { id, revision } });
  }
  reportDelivery(id: string, report: DeliveryReport) {
    return this.call(approvalsRoutes.reportDelivery, {
      params: { id },
      body: report,
    });
  }
  unapprovedChanges(query: UnapprovedChangesQuery = {}) {
    return this.call(approvalsRoutes.unapprovedChanges, { query });
  }
  async planUrl(id: string, revision: number) {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('approvals');
    return `${baseUrl}${fillPath(approvalsRoutes.terraformPlan.path, {
      id,
      revision,
    })}`;
  }
}
