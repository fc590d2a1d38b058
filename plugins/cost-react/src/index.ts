/**
 * Cost UI that other Gatehouse frontends reuse.
 *
 * @packageDocumentation
 */
export * from './ExampleBillingNotice';
