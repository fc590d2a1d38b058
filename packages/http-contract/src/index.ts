/**
 * Shared by Gatehouse's plugin contracts: request validation and client plumbing.
 *
 * @packageDocumentation
 */
export { parseInput } from './parseInput';
export { jsonRequester, toSearch } from './jsonRequester';
export type { ClientOptions } from './jsonRequester';
