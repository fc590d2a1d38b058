import { InfoCard } from '@backstage/core-components';
import type {
  ChangeRequest,
  DecisionKind,
} from '@gatehouse/plugin-approvals-common';
import {
  Box,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Typography,
  useTheme,
} from '@material-ui/core';
import CheckCircle from '@material-ui/icons/CheckCircle';
import RadioButtonUnchecked from '@material-ui/icons/RadioButtonUnchecked';
import { displayRef } from '../shared/format';

const DECISION_TEXT: Record<DecisionKind, string> = {
  approve: 'approved',
  reject: 'rejected',
  'request-changes': 'asked for changes',
};

function Satisfied(props: { satisfied: boolean }) {
  const theme = useTheme();
  return props.satisfied ? (
    <CheckCircle
      style={{ color: theme.palette.success.main }}
      titleAccess="Satisfied"
      aria-label="Satisfied"
    />
  ) : (
    <RadioButtonUnchecked
      color="disabled"
      titleAccess="Not satisfied"
      aria-label="Not satisfied"
    />
  );
}

/** Who must still approve this revision, and who already did. */
export function PolicyCard(props: { request: ChangeRequest }) {
  const { policy, decisions, current } = props.request;
  const onThisRevision = decisions.filter(
    d => d.contentHash === current.contentHash,
  );
  return (
    <InfoCard title="Approval policy">
      <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
        <Satisfied satisfied={policy.satisfied} />
        <Typography variant="subtitle1" aria-label="Policy summary">
          {policy.summary}
        </Typography>
      </Box>
      <Typography variant="body2" color="textSecondary">
        Rule: {policy.rule}
        {policy.autoApproved && ' · approved automatically by this rule'}
      </Typography>
      {policy.requirements.length > 0 && (
        <List dense aria-label="Policy requirements">
          {policy.requirements.map(req => (
            <ListItem key={req.label} disableGutters>
              <ListItemIcon style={{ minWidth: 36 }}>
                <Satisfied satisfied={req.satisfied} />
              </ListItemIcon>
              <ListItemText
                primary={`${req.label}: ${req.approvedBy.length} of ${
                  req.count
                } from ${req.groups.map(displayRef).join(', ')}`}
                secondary={
                  req.approvedBy.length > 0
                    ? `Approved by ${req.approvedBy.map(displayRef).join(', ')}`
                    : 'No approvals yet'
                }
              />
            </ListItem>
          ))}
        </List>
      )}
      {onThisRevision.length > 0 && (
        <Box mt={1}>
          <Typography variant="overline" color="textSecondary">
            Decisions on this revision
          </Typography>
          {onThisRevision.map(d => (
            <Typography key={d.id} variant="body2">
              {displayRef(d.approver)} {DECISION_TEXT[d.decision]}
              {d.groups.length > 0 &&
                ` (as ${d.groups.map(displayRef).join(', ')})`}
            </Typography>
          ))}
        </Box>
      )}
    </InfoCard>
  );
}
