/**
 * Shared by Gatehouse's plugin contracts: request validation, audited writes
 * and client plumbing.
 *
 * @packageDocumentation
 */
export { parseInput } from './parseInput';
export { audited } from './audited';
export type { AuditedEvent } from './audited';
export { jsonRequester, toSearch } from './jsonRequester';
export type { ClientOptions } from './jsonRequester';
export { serviceClientOptions } from './serviceClient';
export type { PluginTokenIssuer, ServiceClientDeps } from './serviceClient';
