/**
 * Builds small plans in the shape of `terraform show -json` for tests.
 */

type ChangeSpec = {
  address: string;
  actions?: string[];
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  afterUnknown?: unknown;
  moduleAddress?: string;
  index?: number | string;
  mode?: 'managed' | 'data';
};

export function resourceChange(spec: ChangeSpec) {
  const local = spec.address
    .replace(/^(module\.[^.]+(\[[^\]]+\])?\.)+/, '')
    .replace(/^data\./, '');
  const [type, nameWithIndex] = local.split('.');
  const change: Record<string, unknown> = {
    address: spec.address,
    mode: spec.mode ?? (spec.address.includes('data.') ? 'data' : 'managed'),
    type,
    name: nameWithIndex.replace(/\[.*$/, ''),
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions: spec.actions ?? ['create'],
      before: spec.before ?? null,
      after: spec.after ?? null,
      after_unknown: spec.afterUnknown ?? {},
    },
  };
  if (spec.moduleAddress) change.module_address = spec.moduleAddress;
  if (spec.index !== undefined) change.index = spec.index;
  return change;
}

export function planOf(changes: ChangeSpec[], region = 'us-east-1') {
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: changes.map(resourceChange),
    configuration: {
      provider_config: {
        aws: {
          name: 'aws',
          full_name: 'registry.terraform.io/hashicorp/aws',
          expressions: { region: { constant_value: region } },
        },
      },
      root_module: {},
    },
  };
}

/** A plan creating one resource. */
export function createPlan(
  address: string,
  after: Record<string, unknown>,
  afterUnknown: unknown = {},
  region?: string,
) {
  return planOf([{ address, after, afterUnknown }], region);
}
