/** What the data store kinds share in the generated documents. */
import type { DeploymentDataStore } from '../../documents/deploymentArchitecturePlan';
import type { EnvironmentPlan } from '../../schema';

/** The fields of a deployment data store that a kind leaves `null` unless it sets them. */
export const UNSET_STORE_FIELDS: Pick<
  DeploymentDataStore,
  | 'engine'
  | 'version'
  | 'size'
  | 'multiAz'
  | 'replicas'
  | 'backupRetention'
  | 'pointInTimeRecovery'
> = {
  engine: null,
  version: null,
  size: null,
  multiAz: null,
  replicas: null,
  backupRetention: null,
  pointInTimeRecovery: null,
};

/** The workloads that use a data store, or scale on it (a queue). */
export function dataStoreUsers(env: EnvironmentPlan, store: string): string[] {
  return env.workloads
    .filter(
      w =>
        (w.uses ?? []).includes(store) ||
        w.autoscaling?.targets.queue?.name === store,
    )
    .map(w => w.name);
}

/** Encryption at rest from the security section, which stores follow unless they say otherwise; null when unspecified. */
export function encryptedAtRest(env: EnvironmentPlan): boolean | null {
  return env.security?.encryption?.atRest.enabled ?? null;
}
