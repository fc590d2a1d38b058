import type { CostAlert } from '@gatehouse/plugin-cost-common';
import {
  Chip,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Typography,
} from '@material-ui/core';
import TrendingUp from '@material-ui/icons/TrendingUp';
import AccountBalance from '@material-ui/icons/AccountBalanceWallet';
import Flag from '@material-ui/icons/Flag';

const ICONS = {
  anomaly: <TrendingUp color="error" />,
  budget: <AccountBalance color="secondary" />,
  threshold: <Flag color="primary" />,
};

/** Cost alerts, newest first. */
export function AlertsList(props: { alerts: CostAlert[]; emptyText?: string }) {
  if (props.alerts.length === 0) {
    return (
      <Typography color="textSecondary">
        {props.emptyText ?? 'No cost alerts.'}
      </Typography>
    );
  }
  return (
    <List dense aria-label="Cost alerts">
      {props.alerts.map(alert => (
        <ListItem key={alert.id}>
          <ListItemIcon>{ICONS[alert.kind]}</ListItemIcon>
          <ListItemText
            primary={alert.message}
            secondary={`${new Date(alert.createdAt).toLocaleString()} · ${
              alert.dimension
            } ${alert.key}`}
          />
          <Chip size="small" label={alert.kind} />
        </ListItem>
      ))}
    </List>
  );
}
