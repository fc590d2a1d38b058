import type { PlanChange } from '@gatehouse/plugin-infra-plans-common';
import {
  Chip,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Typography,
} from '@material-ui/core';

const KIND_COLORS: Record<PlanChange['kind'], string> = {
  added: '#2e7d32',
  removed: '#c62828',
  changed: '#1565c0',
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
            <Chip
              size="small"
              label={change.kind}
              style={{ color: '#fff', background: KIND_COLORS[change.kind] }}
            />
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
