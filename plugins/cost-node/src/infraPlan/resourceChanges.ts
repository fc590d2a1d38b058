import type { PlannedResource } from './environmentResources';

/** How an environment differs from the prior revision of the plan. */
export type EnvironmentChange = 'added' | 'removed' | 'changed' | 'unchanged';

/** The module an environment's resources live in, e.g. `module.production`. */
export const environmentModule = (environment: string) =>
  `module.${environment}`;

function addressOf(environment: string, resource: PlannedResource): string {
  const base = `${environmentModule(environment)}.${resource.type}.${
    resource.name
  }`;
  return resource.key === undefined
    ? base
    : `${base}[${JSON.stringify(resource.key)}]`;
}

/** One `resource_changes` entry, as `terraform show -json` writes it. */
function change(
  environment: string,
  resource: PlannedResource,
  actions: string[],
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  return {
    address: addressOf(environment, resource),
    module_address: environmentModule(environment),
    mode: 'managed',
    type: resource.type,
    name: resource.name,
    ...(resource.key === undefined ? {} : { index: resource.key }),
    change: { actions, before, after, after_unknown: {} },
  };
}

/**
 * The Terraform `resource_changes` that take an environment from its current
 * resources to the proposed ones, matched by address: new ones are created,
 * missing ones deleted, the rest updated when any attribute differs and left
 * alone otherwise. (Attributes are built in a fixed order, so comparing
 * their JSON is exact.)
 */
export function resourceChanges(options: {
  environment: string;
  proposed: PlannedResource[];
  current: PlannedResource[];
  comparedWithPrior: boolean;
}): {
  environment: string;
  change: EnvironmentChange;
  resourceChanges: ReturnType<typeof change>[];
} {
  const { environment, proposed, current } = options;
  const currentByAddress = new Map(
    current.map(r => [addressOf(environment, r), r]),
  );
  const entries: ReturnType<typeof change>[] = [];
  let changed = false;
  for (const resource of proposed) {
    const address = addressOf(environment, resource);
    const existing = currentByAddress.get(address);
    currentByAddress.delete(address);
    if (!existing) {
      changed = true;
      entries.push(
        change(environment, resource, ['create'], null, resource.values),
      );
    } else if (
      JSON.stringify(existing.values) === JSON.stringify(resource.values)
    ) {
      entries.push(
        change(
          environment,
          resource,
          ['no-op'],
          existing.values,
          resource.values,
        ),
      );
    } else {
      changed = true;
      entries.push(
        change(
          environment,
          resource,
          ['update'],
          existing.values,
          resource.values,
        ),
      );
    }
  }
  for (const removed of currentByAddress.values()) {
    changed = true;
    entries.push(
      change(environment, removed, ['delete'], removed.values, null),
    );
  }

  let environmentChange: EnvironmentChange = changed ? 'changed' : 'unchanged';
  if (!options.comparedWithPrior || current.length === 0) {
    environmentChange = 'added';
  } else if (proposed.length === 0) {
    environmentChange = 'removed';
  }
  return { environment, change: environmentChange, resourceChanges: entries };
}
