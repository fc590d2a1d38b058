/**
 * The infra-plans backend plugin.
 *
 * @packageDocumentation
 */
export { infraPlansPlugin as default } from './plugin';
