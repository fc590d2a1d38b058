/**
 * The deployment values of an environment change: new images for workloads
 * chosen by name, and the rollout settings of the environment's canary or
 * blue-green delivery. Used by `applyEnvironmentChanges`.
 */
import { InputError } from '@backstage/errors';
import type {
  DeliveryPlan,
  InfraPlan,
  Workload,
} from '@gatehouse/plugin-infra-plans-common';
import {
  formatImageReference,
  ImageReference,
  parseImageReference,
  unpinnedVersion,
  withVersion,
} from './imageReference';

type Environment = InfraPlan['spec']['environments'][string];

/**
 * One workload's new image: the whole reference (`image`), or only the
 * version (`version`: a tag or a digest) on the repository it runs now.
 */
export type ImageDeployment = {
  workload: string;
  image?: string;
  version?: string;
};

/** The strategies whose settings a change can set. */
export type RolloutStrategy = 'canary' | 'blue-green';

/**
 * Rollout settings. The plan keeps them once per environment (its
 * `delivery` section), so they apply to every workload rolled out with that
 * strategy. `rolloutStrategy` says whose settings these are; the other
 * strategy's values are not applied (a form keeps the values of fields it
 * hides when someone switches strategy). Without it the strategy is the one
 * the values given belong to.
 */
export type RolloutChanges = {
  rolloutStrategy?: 'unchanged' | RolloutStrategy;
  canarySteps?: Array<{ weight: number; pause?: string }>;
  blueGreenAutoPromote?: boolean;
  blueGreenScaleDownDelay?: string;
  blueGreenPreviewReplicas?: number;
};

/**
 * How the renderer rolls a workload out (`deliveryOf` of
 * `@gatehouse/plugin-infra-plans-node`; `environmentParts.test.ts` checks
 * both agree on the rendered manifests): a Deployment for rolling delivery,
 * else an Argo Rollout with the environment's strategy, except that
 * blue-green switches Services, so a workload without ports rolls out as a
 * canary without the plan's steps.
 */
export type WorkloadRollout =
  | 'rolling'
  | 'blue-green'
  | 'canary'
  | 'canary without steps';

export function workloadRollout(
  env: Environment,
  workload: Workload,
): WorkloadRollout {
  const strategy = env.delivery?.strategy ?? 'rolling';
  if (strategy === 'blue-green' && !(workload.ports ?? []).length) {
    return 'canary without steps';
  }
  return strategy;
}

const ROLLOUT_DESCRIPTIONS: Record<WorkloadRollout, string> = {
  rolling: 'by rolling update (a Deployment)',
  'blue-green': 'blue-green (an Argo Rollout)',
  canary: 'as a canary (an Argo Rollout)',
  'canary without steps':
    'as a canary without steps (an Argo Rollout: it has no ports, so no Services to switch blue-green)',
};

const withNames = (workloads: Workload[]) =>
  workloads.map(w => w.name).join(', ');

/** A string a form left empty counts as not given. */
const given = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== '';

/** The image one deployment asks for, refused when it is not a reference. */
function requestedImage(
  deployment: ImageDeployment,
  workload: Workload,
): ImageReference {
  const { image, version } = deployment;
  if (given(image) === given(version)) {
    throw new InputError(
      `Workload ${
        workload.name
      }: give either the whole image (image) or only its new version (version), not ${
        given(image) ? 'both' : 'neither'
      }`,
    );
  }
  if (given(image)) {
    const parsed = parseImageReference(image.trim());
    if (!parsed) {
      throw new InputError(
        `Workload ${workload.name}: "${image}" is not an image reference; write name[:tag][@digest], e.g. ghcr.io/acme/api:1.4.2`,
      );
    }
    return parsed;
  }
  const current = parseImageReference(workload.image);
  if (!current) {
    throw new InputError(
      `Workload ${workload.name} runs "${workload.image}", which is not an image reference to put a version on; give the whole image instead`,
    );
  }
  const next = withVersion(current, version!.trim());
  if (!next) {
    throw new InputError(
      `Workload ${workload.name}: "${version}" is neither a tag (e.g. 1.4.2) nor a digest (e.g. sha256:<64 hex digits>)`,
    );
  }
  return next;
}

/**
 * Sets the images of the named workloads of `env`. Every name must be one
 * of the environment's workloads, once; in production every image must name
 * one version (a tag other than latest, or a digest).
 */
export function applyImages(
  env: Environment,
  environment: string,
  deployments: ImageDeployment[],
): Workload[] {
  const seen = new Set<string>();
  return deployments.map(deployment => {
    const workload = env.workloads.find(w => w.name === deployment.workload);
    if (!workload) {
      throw new InputError(
        `The ${environment} environment has no workload named ${
          deployment.workload
        }; it has ${withNames(env.workloads) || 'none'}`,
      );
    }
    if (seen.has(workload.name)) {
      throw new InputError(
        `Workload ${workload.name} is given more than one image; deploy one image to each workload`,
      );
    }
    seen.add(workload.name);
    const image = requestedImage(deployment, workload);
    const unpinned = unpinnedVersion(image);
    if (unpinned && env.tier === 'production') {
      throw new InputError(
        `Workload ${workload.name}: ${formatImageReference(
          image,
        )} ${unpinned}. A deployment to production must name a version: a tag such as 1.4.2, or a digest (@sha256:…), so that what runs and what a rollback redeploys are known`,
      );
    }
    workload.image = formatImageReference(image);
    return workload;
  });
}

/** Whose settings the values are, or undefined for no rollout change. */
function strategyOfSettings(c: RolloutChanges): RolloutStrategy | undefined {
  const canary = c.canarySteps !== undefined;
  const blueGreen = [
    c.blueGreenAutoPromote,
    c.blueGreenScaleDownDelay,
    c.blueGreenPreviewReplicas,
  ].some(v => v !== undefined && v !== '');
  if (c.rolloutStrategy === 'unchanged') return undefined;
  if (c.rolloutStrategy) {
    const has = c.rolloutStrategy === 'canary' ? canary : blueGreen;
    if (!has) {
      throw new InputError(
        c.rolloutStrategy === 'canary'
          ? 'Canary rollout settings were chosen but no canary steps were given'
          : 'Blue-green rollout settings were chosen but none was given (auto-promotion, scale-down delay or preview replicas)',
      );
    }
    return c.rolloutStrategy;
  }
  if (canary && blueGreen) {
    throw new InputError(
      'Both canary steps and blue-green settings were given: an environment rolls out with one strategy, so set rolloutStrategy to the one meant',
    );
  }
  if (canary) return 'canary';
  return blueGreen ? 'blue-green' : undefined;
}

/**
 * Sets the environment's canary steps or blue-green settings. The workloads
 * the change deploys to must all roll out with that strategy; a change
 * without images needs at least one workload that does.
 */
export function applyRolloutSettings(
  env: Environment,
  environment: string,
  changes: RolloutChanges,
  deployedTo: Workload[],
): void {
  const strategy = strategyOfSettings(changes);
  if (!strategy) return;
  const what = strategy === 'canary' ? 'Canary steps' : 'Blue-green settings';
  const mismatched = deployedTo.find(w => workloadRollout(env, w) !== strategy);
  if (mismatched) {
    throw new InputError(
      `Workload ${mismatched.name} rolls out ${
        ROLLOUT_DESCRIPTIONS[workloadRollout(env, mismatched)]
      }: ${what.toLowerCase()} do not apply to it`,
    );
  }
  if (
    deployedTo.length === 0 &&
    !env.workloads.some(w => workloadRollout(env, w) === strategy)
  ) {
    throw new InputError(
      `${what} do not apply to the ${environment} environment: ${
        env.workloads
          .map(
            w =>
              `${w.name} rolls out ${
                ROLLOUT_DESCRIPTIONS[workloadRollout(env, w)]
              }`,
          )
          .join('; ') || 'it has no workloads'
      }`,
    );
  }
  // A strategy matched, so the environment has a delivery section.
  const delivery = env.delivery as DeliveryPlan;
  if (strategy === 'canary') {
    delivery.canary = {
      ...delivery.canary,
      steps: changes.canarySteps!.map(({ weight, pause }) =>
        given(pause) ? { weight, pause } : { weight },
      ),
    };
    return;
  }
  const { blueGreenAutoPromote, blueGreenScaleDownDelay } = changes;
  const { blueGreenPreviewReplicas } = changes;
  delivery.blueGreen = {
    ...delivery.blueGreen,
    ...(blueGreenAutoPromote !== undefined && {
      autoPromote: blueGreenAutoPromote,
    }),
    ...(given(blueGreenScaleDownDelay) && {
      scaleDownDelay: blueGreenScaleDownDelay,
    }),
    ...(blueGreenPreviewReplicas !== undefined && {
      previewReplicas: blueGreenPreviewReplicas,
    }),
  };
}
