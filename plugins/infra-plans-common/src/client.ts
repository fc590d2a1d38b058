import { ResponseError } from '@backstage/errors';
import { jsonRequester, toSearch } from '@gatehouse/http-contract';
import type {
  PlanDiff,
  PlanDocumentName,
  PlanRevision,
  PlanRevisionSummary,
  PlanView,
  SaveRevisionBody,
  ValidationAnswer,
} from './api';

/** @public */
export type InfraPlansClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
};

/** A catalog entity's identity, as the routes take it. @public */
export type EntityName = { kind: string; namespace: string; name: string };

/** @public */
export interface InfraPlansApi {
  validate(yaml: string): Promise<ValidationAnswer>;
  getPlan(entity: EntityName): Promise<PlanView>;
  listRevisions(entity: EntityName): Promise<{ items: PlanRevisionSummary[] }>;
  getRevision(entity: EntityName, revision: number): Promise<PlanRevision>;
  saveRevision(
    entity: EntityName,
    body: SaveRevisionBody,
  ): Promise<PlanRevision>;
  diff(entity: EntityName, from: number, to?: number): Promise<PlanDiff>;
  documentUrl(
    entity: EntityName,
    document: PlanDocumentName,
    query?: { revision?: number; environment?: string },
  ): Promise<string>;
  getDocument(
    entity: EntityName,
    document: PlanDocumentName,
    query?: { revision?: number; environment?: string },
  ): Promise<string>;
}

const entityPath = ({ kind, namespace, name }: EntityName) =>
  `/entities/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;

/** The typed client of the infra-plans backend (see api.ts). @public */
export class InfraPlansClient implements InfraPlansApi {
  private readonly request: ReturnType<typeof jsonRequester>;

  constructor(private readonly options: InfraPlansClientOptions) {
    this.request = jsonRequester(options, 'infra-plans');
  }

  validate(yaml: string) {
    return this.request<ValidationAnswer>('/validate', {
      method: 'POST',
      body: { yaml },
    });
  }
  getPlan(entity: EntityName) {
    return this.request<PlanView>(`${entityPath(entity)}/plan`);
  }
  listRevisions(entity: EntityName) {
    return this.request<{ items: PlanRevisionSummary[] }>(
      `${entityPath(entity)}/revisions`,
    );
  }
  getRevision(entity: EntityName, revision: number) {
    return this.request<PlanRevision>(
      `${entityPath(entity)}/revisions/${revision}`,
    );
  }
  saveRevision(entity: EntityName, body: SaveRevisionBody) {
    return this.request<PlanRevision>(`${entityPath(entity)}/revisions`, {
      method: 'POST',
      body,
    });
  }
  diff(entity: EntityName, from: number, to?: number) {
    return this.request<PlanDiff>(
      `${entityPath(entity)}/diff${toSearch({ from, to })}`,
    );
  }
  async documentUrl(
    entity: EntityName,
    document: PlanDocumentName,
    query?: { revision?: number; environment?: string },
  ) {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('infra-plans');
    return `${baseUrl}${entityPath(entity)}/documents/${encodeURIComponent(
      document,
    )}${toSearch(query)}`;
  }
  async getDocument(
    entity: EntityName,
    document: PlanDocumentName,
    query?: { revision?: number; environment?: string },
  ) {
    const response = await this.options.fetchApi.fetch(
      await this.documentUrl(entity, document, query),
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.text();
  }
}
