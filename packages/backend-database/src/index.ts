/**
 * What Gatehouse's database stores share.
 *
 * @packageDocumentation
 */
export { migratedClient } from './migratedClient';
export { requiredIsoTimestamp, toIsoTimestamp } from './timestamps';
