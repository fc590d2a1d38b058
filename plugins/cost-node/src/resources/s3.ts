import { isPlainObject } from '../util/narrow';
import type { UsageValue } from '../usage/ResourceUsage';
import { internetEgressComponents } from './dataTransfer';
import {
  ComponentDraft,
  Pricer,
  PricerContext,
  UnpricedError,
  usageComponent,
} from './pricer';

/** Storage classes priced, with display names. */
export const S3_STORAGE_CLASSES: Readonly<Record<string, string>> = {
  STANDARD: 'Standard',
  STANDARD_IA: 'Standard-IA',
  ONEZONE_IA: 'One Zone-IA',
  GLACIER_IR: 'Glacier Instant Retrieval',
  GLACIER: 'Glacier Flexible Retrieval',
  DEEP_ARCHIVE: 'Glacier Deep Archive',
};

function fromFile(key: string, value: unknown): UsageValue {
  const number = typeof value === 'number' ? value : 0;
  return {
    key,
    value: number,
    low: number,
    high: number,
    source: 'usage-file',
  };
}

function classComponents(
  context: PricerContext,
  storageClass: string,
  values: {
    storage: UsageValue;
    put: UsageValue;
    get: UsageValue;
    retrieval?: UsageValue;
  },
): ComponentDraft[] {
  const label = S3_STORAGE_CLASSES[storageClass];
  const components = [
    usageComponent(context, {
      name: `${label} storage`,
      priceKey: `s3:${storageClass}:storage`,
      unit: 'GB-months',
      usageUnit: 'GB',
      usage: values.storage,
    }),
    usageComponent(context, {
      name: `${label} PUT, COPY, POST, LIST requests`,
      priceKey: `s3:${storageClass}:put`,
      unit: 'thousand requests',
      usageUnit: 'requests',
      perUnit: 1 / 1000,
      usage: values.put,
    }),
    usageComponent(context, {
      name: `${label} GET and other requests`,
      priceKey: `s3:${storageClass}:get`,
      unit: 'thousand requests',
      usageUnit: 'requests',
      perUnit: 1 / 1000,
      usage: values.get,
    }),
  ];
  if (values.retrieval && values.retrieval.value > 0) {
    components.push(
      usageComponent(context, {
        name: `${label} data retrieval`,
        priceKey: `s3:${storageClass}:retrieval`,
        unit: 'GB',
        usageUnit: 'GB',
        usage: values.retrieval,
      }),
    );
  }
  return components;
}

/**
 * aws_s3_bucket: storage and requests are usage-based. Without usage, the
 * bucket is priced as Standard storage with the documented default range.
 * With `storage_classes` in the usage file, each listed class is priced
 * with its own `storage_gb`, `monthly_put_requests`, `monthly_get_requests`
 * and `monthly_retrieval_gb` (missing values count as zero).
 */
export const priceS3Bucket: Pricer = context => {
  const classes = context.usage.get('storage_classes');
  const components: ComponentDraft[] = [];
  if (isPlainObject(classes)) {
    for (const [storageClass, values] of Object.entries(classes)) {
      if (!S3_STORAGE_CLASSES[storageClass]) {
        throw new UnpricedError(
          `usage storage class "${storageClass}" is not priced (${Object.keys(
            S3_STORAGE_CLASSES,
          ).join(', ')})`,
        );
      }
      const entry = isPlainObject(values) ? values : {};
      components.push(
        ...classComponents(context, storageClass, {
          storage: fromFile('storage_gb', entry.storage_gb),
          put: fromFile('monthly_put_requests', entry.monthly_put_requests),
          get: fromFile('monthly_get_requests', entry.monthly_get_requests),
          retrieval: fromFile(
            'monthly_retrieval_gb',
            entry.monthly_retrieval_gb,
          ),
        }),
      );
    }
  } else {
    components.push(
      ...classComponents(context, 'STANDARD', {
        storage: context.usage.number('storage_gb'),
        put: context.usage.number('monthly_put_requests'),
        get: context.usage.number('monthly_get_requests'),
      }),
    );
  }
  return [...components, ...internetEgressComponents(context)];
};
