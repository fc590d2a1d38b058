import type { ResourceAction } from '@gatehouse/plugin-cost-common';
import { StatusChip } from './StatusChip';
import type { StatusTone } from './tones';

/**
 * What each Terraform action means for the reader: creating is growth,
 * replacing and deleting need a second look, reads and no-ops change nothing.
 *
 * @public
 */
export const RESOURCE_ACTION_TONES: Record<ResourceAction, StatusTone> = {
  create: 'success',
  update: 'info',
  replace: 'warning',
  delete: 'error',
  'no-op': 'muted',
  read: 'muted',
  forget: 'neutral',
};

/** @public */
export function ResourceActionChip(props: { action: ResourceAction }) {
  return (
    <StatusChip
      label={props.action}
      tone={RESOURCE_ACTION_TONES[props.action] ?? 'neutral'}
    />
  );
}
