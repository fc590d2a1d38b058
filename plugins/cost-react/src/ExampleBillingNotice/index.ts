export {
  ExampleBillingNotice,
  EXAMPLE_BILLING_FLAG,
} from './ExampleBillingNotice';
export { ExampleDataNotice } from './ExampleDataNotice';
