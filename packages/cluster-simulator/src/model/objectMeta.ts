import type { IPod } from 'kubernetes-models/v1/Pod';

/** Kubernetes ObjectMeta, as the model types define it. */
export type ObjectMeta = NonNullable<IPod['metadata']>;
