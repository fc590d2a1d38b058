/**
 * Shared by Gatehouse's plugin contracts: the route maps each plugin's
 * contract is written as, mounting them on routers, calling them from typed
 * clients, the one permission check, and audited writes.
 *
 * @packageDocumentation
 */
export { parseInput } from './parseInput';
export { audited } from './audited';
export type { AuditedEvent } from './audited';
export { toSearch } from './clientOptions';
export type { ClientOptions } from './clientOptions';
export { serviceClientOptions } from './serviceClient';
export type { PluginTokenIssuer, ServiceClientDeps } from './serviceClient';
export { authorizeOrThrow } from './authorizeOrThrow';
export type { PermissionAuthorizer, PermissionCheck } from './authorizeOrThrow';
export {
  defineRoutes,
  jsonAnswer,
  pathParamNames,
  textAnswer,
} from './routes/defineRoutes';
export type {
  Answer,
  AnswerOf,
  HttpMethod,
  Route,
  RouteInput,
  RouteMap,
  RouteRequest,
} from './routes/defineRoutes';
export { fillPath, routeCaller } from './routes/callRoute';
export type { RouteCall } from './routes/callRoute';
export { mountRoutes } from './routes/mountRoutes';
export type {
  MountedRequest,
  MountedResponse,
  MountOptions,
  RouteHandler,
  RouteHandlers,
} from './routes/mountRoutes';
