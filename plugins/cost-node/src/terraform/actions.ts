import type { ResourceAction } from '@gatehouse/plugin-cost-common';

const SINGLE_ACTIONS: Record<string, ResourceAction> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  'no-op': 'no-op',
  read: 'read',
  forget: 'forget',
};

/**
 * Maps Terraform's `change.actions` list to one action, or returns undefined
 * for a combination Terraform does not produce.
 *
 * Both replacement orders (`["delete","create"]` for the default and
 * `["create","delete"]` for `create_before_destroy`) are a `replace`.
 */
export function resolveAction(
  actions: readonly string[],
): ResourceAction | undefined {
  if (actions.length === 1) {
    return SINGLE_ACTIONS[actions[0]];
  }
  if (
    actions.length === 2 &&
    ((actions[0] === 'delete' && actions[1] === 'create') ||
      (actions[0] === 'create' && actions[1] === 'delete'))
  ) {
    return 'replace';
  }
  return undefined;
}
