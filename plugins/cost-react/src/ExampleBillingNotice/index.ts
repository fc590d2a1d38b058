export {
  ExampleBillingNotice,
  EXAMPLE_BILLING_FLAG,
} from './ExampleBillingNotice';
