import { jsonRequester, toSearch } from '@gatehouse/http-contract';
import type {
  DecideRequest,
  GateAnswer,
  ListRequestsQuery,
  RequestsPage,
  SubmitRequest,
} from './api';
import type { ChangeRequest } from './types';

/** @public */
export type ApprovalsClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
};

/** @public */
export interface ApprovalsApi {
  submit(request: SubmitRequest): Promise<ChangeRequest>;
  list(query?: ListRequestsQuery): Promise<RequestsPage>;
  counts(): Promise<{ waitingForMe: number; mine: number; open: number }>;
  get(id: string): Promise<ChangeRequest>;
  decide(id: string, decision: DecideRequest): Promise<ChangeRequest>;
  gate(id: string, hash?: string): Promise<GateAnswer>;
  planUrl(id: string, revision: number): Promise<string>;
}

/** The typed client of the approvals backend (see api.ts). @public */
export class ApprovalsClient implements ApprovalsApi {
  constructor(private readonly options: ApprovalsClientOptions) {
    this.request = jsonRequester(options, 'approvals');
  }

  private readonly request: ReturnType<typeof jsonRequester>;

  submit(request: SubmitRequest) {
    return this.request<ChangeRequest>('/requests', {
      method: 'POST',
      body: request,
    });
  }
  list(query?: ListRequestsQuery) {
    return this.request<RequestsPage>(`/requests${toSearch(query)}`);
  }
  counts() {
    return this.request<{ waitingForMe: number; mine: number; open: number }>(
      '/requests/counts',
    );
  }
  get(id: string) {
    return this.request<ChangeRequest>(`/requests/${encodeURIComponent(id)}`);
  }
  decide(id: string, decision: DecideRequest) {
    return this.request<ChangeRequest>(
      `/requests/${encodeURIComponent(id)}/decisions`,
      {
        method: 'POST',
        body: decision,
      },
    );
  }
  gate(id: string, hash?: string) {
    return this.request<GateAnswer>(
      `/requests/${encodeURIComponent(id)}/gate${toSearch({ hash })}`,
    );
  }
  async planUrl(id: string, revision: number) {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('approvals');
    return `${baseUrl}/requests/${encodeURIComponent(
      id,
    )}/revisions/${revision}/plan`;
  }
}
