import { ResponseError } from '@backstage/errors';
import type { ClientOptions } from '../clientOptions';
import { toSearch } from '../clientOptions';
import { AnswerOf, pathParamNames, Route, RouteRequest } from './defineRoutes';

/** The path of a route with its parameters filled in and encoded. */
export function fillPath(path: string, params: Record<string, unknown> = {}) {
  let filled = path;
  for (const name of pathParamNames(path)) {
    const value = params[name];
    if (value === undefined || value === null || value === '') {
      throw new TypeError(`${path} needs the path parameter ${name}`);
    }
    filled = filled.replace(`:${name}`, encodeURIComponent(String(value)));
  }
  return filled;
}

/**
 * The one way a typed client calls its backend: from a route of the plugin's
 * contract and the request parts it declares, to the typed answer. A non-2xx
 * answer is thrown as a ResponseError carrying the backend's error.
 */
export function routeCaller(options: ClientOptions, pluginId: string) {
  return async function call<R extends Route>(
    route: R,
    ...[request]: keyof RouteRequest<R> extends never
      ? [request?: RouteRequest<R>]
      : [request: RouteRequest<R>]
  ): Promise<AnswerOf<R>> {
    const parts = (request ?? {}) as {
      params?: Record<string, unknown>;
      query?: Record<string, unknown>;
      body?: unknown;
    };
    const baseUrl = await options.discoveryApi.getBaseUrl(pluginId);
    const url = `${baseUrl}${fillPath(route.path, parts.params)}${toSearch(
      parts.query,
    )}`;
    const hasBody = parts.body !== undefined;
    const response = await options.fetchApi.fetch(url, {
      method: route.method,
      headers: hasBody ? { 'content-type': 'application/json' } : undefined,
      body: hasBody ? JSON.stringify(parts.body) : undefined,
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (
      route.answer.kind === 'text'
        ? await response.text()
        : await response.json()
    ) as AnswerOf<R>;
  };
}

/** A client's caller, bound to its plugin (see {@link routeCaller}). */
export type RouteCall = ReturnType<typeof routeCaller>;
