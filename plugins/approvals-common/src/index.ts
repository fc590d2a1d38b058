/**
 * Common types, permissions, HTTP contract and client of Gatehouse's approvals plugin.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './permissions';
export * from './api';
export * from './signals';
export { ApprovalsClient } from './client';
export type { ApprovalsApi, ApprovalsClientOptions } from './client';
