import type { PlanChange } from '@gatehouse/plugin-infra-plans-common';
import { StatusChip, StatusTone } from '@gatehouse/plugin-cost-react';
import {
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Typography,
} from '@material-ui/core';

const KIND_TONES: Record<PlanChange['kind'], StatusTone> = {
  added: 'success',
  removed: 'error',
  changed: 'info',
};

/** A semantic diff, one line per change ("node group general: max 10 → 20"). */
export function ChangesList(props: { changes: PlanChange[] }) {
  if (props.changes.length === 0) {
    return <Typography variant="body2">No differences.</Typography>;
  }
  return (
    <List dense aria-label="plan changes">
      {props.changes.map(change => (
        <ListItem key={change.path} title={change.path}>
          <ListItemIcon style={{ minWidth: 88 }}>
            <StatusChip label={change.kind} tone={KIND_TONES[change.kind]} />
          </ListItemIcon>
          <ListItemText
            primary={change.summary}
            secondary={change.environment}
          />
        </ListItem>
      ))}
    </List>
  );
}
