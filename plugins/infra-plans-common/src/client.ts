import {
  ClientOptions,
  fillPath,
  routeCaller,
  toSearch,
} from '@gatehouse/http-contract';
import {
  infraPlansRoutes,
  PlanDiff,
  PlanDocumentName,
  PlanRevision,
  PlanRevisions,
  PlanView,
  SaveRevisionBody,
  ValidationAnswer,
} from './api';

/** @public */
export type InfraPlansClientOptions = ClientOptions;

/** A catalog entity's identity, as the routes take it. @public */
export type EntityName = { kind: string; namespace: string; name: string };

/** Which rendering of a document: a revision's, an environment's. @public */
export type DocumentQuery = { revision?: number; environment?: string };

/** @public */
export interface InfraPlansApi {
  validate(yaml: string): Promise<ValidationAnswer>;
  getPlan(entity: EntityName): Promise<PlanView>;
  listRevisions(entity: EntityName): Promise<PlanRevisions>;
  getRevision(entity: EntityName, revision: number): Promise<PlanRevision>;
  saveRevision(
    entity: EntityName,
    body: SaveRevisionBody,
  ): Promise<PlanRevision>;
  diff(entity: EntityName, from: number, to?: number): Promise<PlanDiff>;
  /** Where the browser downloads a document. */
  documentUrl(
    entity: EntityName,
    document: PlanDocumentName,
    query?: DocumentQuery,
  ): Promise<string>;
  getDocument(
    entity: EntityName,
    document: PlanDocumentName,
    query?: DocumentQuery,
  ): Promise<string>;
}

/** Catalog kinds are case-insensitive; the routes take them in lower case. */
const entityParams = ({ kind, namespace, name }: EntityName): EntityName => ({
  kind: kind.toLocaleLowerCase('en-US'),
  namespace,
  name,
});

/** The typed client of the infra-plans backend's contract ({@link infraPlansRoutes}). @public */
export class InfraPlansClient implements InfraPlansApi {
  private readonly call: ReturnType<typeof routeCaller>;

  constructor(private readonly options: InfraPlansClientOptions) {
    this.call = routeCaller(options, 'infra-plans');
  }

  validate(yaml: string) {
    return this.call(infraPlansRoutes.validate, { body: { yaml } });
  }
  getPlan(entity: EntityName) {
    return this.call(infraPlansRoutes.getPlan, {
      params: entityParams(entity),
    });
  }
  listRevisions(entity: EntityName) {
    return this.call(infraPlansRoutes.listRevisions, {
      params: entityParams(entity),
    });
  }
  getRevision(entity: EntityName, revision: number) {
    return this.call(infraPlansRoutes.getRevision, {
      params: { ...entityParams(entity), revision },
    });
  }
  saveRevision(entity: EntityName, body: SaveRevisionBody) {
    return this.call(infraPlansRoutes.saveRevision, {
      params: entityParams(entity),
      body,
    });
  }
  diff(entity: EntityName, from: number, to?: number) {
    return this.call(infraPlansRoutes.diff, {
      params: entityParams(entity),
      query: { from, to },
    });
  }
  async documentUrl(
    entity: EntityName,
    document: PlanDocumentName,
    query: DocumentQuery = {},
  ) {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('infra-plans');
    return `${baseUrl}${fillPath(infraPlansRoutes.document.path, {
      ...entityParams(entity),
      document,
    })}${toSearch(query)}`;
  }
  getDocument(
    entity: EntityName,
    document: PlanDocumentName,
    query: DocumentQuery = {},
  ) {
    return this.call(infraPlansRoutes.document, {
      params: { ...entityParams(entity), document },
      query,
    });
  }
}
