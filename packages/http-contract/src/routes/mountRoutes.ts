import { parseInput } from '../parseInput';
import type { AnswerOf, Route, RouteInput, RouteMap } from './defineRoutes';

/**
 * The parts of an Express request and response a mounted route uses, typed
 * structurally so that this library (also used by web clients) needs no
 * server package.
 */
export type MountedRequest = { params: unknown; query: unknown; body: unknown };
export type MountedResponse = {
  headersSent: boolean;
  statusCode: number;
  status(code: number): unknown;
  json(body: unknown): unknown;
};
type RouterLike = Record<
  'get' | 'post' | 'put' | 'patch' | 'delete',
  (path: string, handler: (req: any, res: any) => Promise<void>) => unknown
>;

/**
 * Answers one route. It gets the validated request parts, the caller's
 * credentials, and the request and response for what the contract does not
 * cover (audit, headers). It returns the answer; a handler that sends its own
 * answer (a document, a cached body) returns nothing after sending.
 */
export type RouteHandler<R extends Route, C> = (
  input: RouteInput<R>,
  http: { credentials: C; req: any; res: any },
) => Promise<AnswerOf<R> | void>;

/** A handler for every route of the map, and no other. */
export type RouteHandlers<M extends RouteMap, C> = {
  [K in keyof M]: RouteHandler<M[K], C>;
};

export type MountOptions<C> = {
  /**
   * Who is calling, before anything else is read: an anonymous or badly
   * signed request is refused (401) before its input is looked at.
   */
  authenticate(req: any): Promise<C>;
};

/**
 * Mounts every route of a plugin's contract on an (express-promise-)router:
 * the method and path come from the map, the caller is authenticated, the
 * params, query and body are
 * validated with its schemas (a 400 naming every bad field), and the
 * handler's answer is sent with the route's status. Routes cannot be mounted
 * any other way, so the map is the whole of what the plugin serves.
 */
export function mountRoutes<M extends RouteMap, C>(
  router: RouterLike,
  routes: M,
  options: MountOptions<C>,
  handlers: RouteHandlers<M, C>,
): void {
  const missing = Object.keys(routes).filter(name => !handlers[name]);
  const extra = Object.keys(handlers).filter(name => !routes[name]);
  if (missing.length || extra.length) {
    throw new Error(
      `Handlers do not match the contract: missing ${
        missing.join(', ') || 'none'
      }; not in the contract ${extra.join(', ') || 'none'}`,
    );
  }
  for (const [name, route] of Object.entries(routes)) {
    const method = route.method.toLowerCase() as keyof RouterLike;
    router[method](
      route.path,
      async (req: MountedRequest, res: MountedResponse) => {
        const credentials = await options.authenticate(req);
        const input = {
          params: route.params
            ? parseInput(
                route.params,
                req.params,
                route.names?.params ?? 'path',
              )
            : undefined,
          query: route.query
            ? parseInput(route.query, req.query, route.names?.query ?? 'query')
            : undefined,
          body: route.body
            ? parseInput(route.body, req.body, route.names?.body ?? 'body')
            : undefined,
        } as RouteInput<typeof route>;
        // The contract's success status, unless the handler chooses another
        // (e.g. 200 for an estimate that was only answered, not kept).
        res.status(route.status ?? 200);
        const answer = await handlers[name](input, {
          credentials,
          req,
          res,
        });
        if (!res.headersSent) res.json(answer);
      },
    );
  }
}
