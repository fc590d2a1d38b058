import type { ZodTypeAny, z } from 'zod';

/** The HTTP methods Gatehouse's routes use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What a route answers. `json` answers are typed for clients by `T` and
 * checked against the exported type named `typeName` by each plugin's
 * contract test; `text` answers (documents) are strings of the given media
 * types.
 */
export type Answer<T> =
  | {
      readonly kind: 'json';
      readonly typeName: string;
      /** Never set: carries `T` for the types of clients and handlers. */
      readonly type?: (value: T) => T;
    }
  | {
      readonly kind: 'text';
      readonly mediaTypes: readonly string[];
      readonly type?: (value: T) => T;
    };

/** A JSON answer of the exported type `typeName` (give the same name as `T`). */
export function jsonAnswer<T>(typeName: string): Answer<T> {
  return { kind: 'json', typeName };
}

/** A text answer, such as a Markdown document, in one of these media types. */
export function textAnswer(...mediaTypes: string[]): Answer<string> {
  return { kind: 'text', mediaTypes };
}

/**
 * One route of a plugin's HTTP contract: where it is, what it takes (each part
 * a zod schema the router validates with and the client is typed from) and
 * what it answers.
 */
export type Route = {
  method: HttpMethod;
  /** Express-style path below the plugin's base URL, e.g. `/requests/:id`. */
  path: `/${string}`;
  params?: ZodTypeAny;
  query?: ZodTypeAny;
  body?: ZodTypeAny;
  answer: Answer<any>;
  /** Status of a successful answer when it is not 200 (201 created, 202 queued). */
  status?: number;
  /** One line for the reader and the README: what the route is for. */
  summary: string;
  /**
   * What the request parts are called in a 400's message ("Invalid
   * revision: …"); `path`, `query` and `body` unless named here.
   */
  names?: { params?: string; query?: string; body?: string };
};

/** A plugin's whole HTTP contract: its routes by name. */
export type RouteMap = Record<string, Route>;

/** Checks the map's shape while keeping every route's exact types. */
export function defineRoutes<const R extends RouteMap>(routes: R): R {
  for (const [name, route] of Object.entries(routes)) {
    const declared = new Set(pathParamNames(route.path));
    if (declared.size > 0 && !route.params) {
      throw new Error(
        `Route ${name} (${route.path}) has path parameters but no params schema`,
      );
    }
  }
  return routes;
}

/** The `:name` parameters of an Express-style path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map(m => m[1]);
}

type InputOf<S> = S extends ZodTypeAny ? z.input<S> : undefined;
type OutputOf<S> = S extends ZodTypeAny ? z.output<S> : undefined;

/** What a client sends to a route: the input side of its schemas. */
export type RouteRequest<R extends Route> = {
  [K in 'params' | 'query' | 'body' as R[K] extends ZodTypeAny
    ? K
    : never]: InputOf<R[K]>;
};

/** What a router's handler receives: the validated, parsed request parts. */
export type RouteInput<R extends Route> = {
  params: OutputOf<R['params']>;
  query: OutputOf<R['query']>;
  body: OutputOf<R['body']>;
};

/** The type of a route's answer. */
export type AnswerOf<R extends Route> = R['answer'] extends Answer<infer T>
  ? T
  : never;
