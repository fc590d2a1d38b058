import { useState } from 'react';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  approvalRequestDecidePermission,
  ChangeRequest,
  DecisionKind,
} from '@gatehouse/plugin-approvals-common';
import {
  Box,
  Button,
  TextField,
  Typography,
  useTheme,
} from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import { approvalsApiRef } from '../../api';
import { errorMessage, errorStatus } from '../shared/errors';
import { shortHash } from '../shared/format';

type Notice = {
  severity: 'success' | 'warning' | 'error' | 'info';
  title: string;
  message?: string;
};

const DONE: Record<DecisionKind, string> = {
  approve: 'You approved',
  reject: 'You rejected',
  'request-changes': 'You asked for changes to',
};

function DecisionForm(props: {
  request: ChangeRequest;
  onDecided: (request: ChangeRequest, notice: Notice) => void;
  onProblem: (notice: Notice) => void;
  onStale: () => void;
}) {
  const { request, onDecided, onProblem, onStale } = props;
  const api = useApi(approvalsApiRef);
  const theme = useTheme();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<DecisionKind>();
  const [needsComment, setNeedsComment] = useState(false);
  const { revision, contentHash } = request.current;
  // The revision the approver has been looking at. When a newer one arrives
  // while they read or write, they must say they have seen it first.
  const [reviewedHash, setReviewedHash] = useState(contentHash);
  const changedUnderneath = reviewedHash !== contentHash;

  const decide = async (decision: DecisionKind) => {
    if (decision !== 'approve' && !comment.trim()) {
      setNeedsComment(true);
      return;
    }
    setNeedsComment(false);
    setBusy(decision);
    try {
      const updated = await api.decide(request.id, {
        decision,
        comment: comment.trim(),
        revisionHash: contentHash,
      });
      setComment('');
      onDecided(updated, {
        severity: 'success',
        title: `${DONE[decision]} revision ${revision}.`,
        message: `Policy: ${updated.policy.summary}`,
      });
    } catch (e) {
      const status = errorStatus(e);
      if (status === 409) {
        onProblem({
          severity: 'warning',
          title: 'Your decision was not recorded: the request has moved on.',
          message: `A newer revision has been submitted, or the request was already decided, since this page loaded (${errorMessage(
            e,
          )}). The page has been reloaded: review what is current, then decide again. Your comment is kept.`,
        });
        onStale();
      } else if (status === 403) {
        onProblem({
          severity: 'error',
          title: 'You are not allowed to decide on this request.',
          message: errorMessage(e),
        });
      } else {
        onProblem({
          severity: 'error',
          title: 'Your decision was not recorded.',
          message: errorMessage(e),
        });
      }
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Box component="form" onSubmit={e => e.preventDefault()}>
      <Typography variant="body2" paragraph>
        You are deciding on revision {revision} (
        <span style={{ fontFamily: 'monospace' }}>
          {shortHash(contentHash)}
        </span>
        ). Your decision counts for this exact revision only.
      </Typography>
      {changedUnderneath && (
        <Box mb={2}>
          <Alert
            severity="warning"
            action={
              <Button
                color="inherit"
                size="small"
                onClick={() => setReviewedHash(contentHash)}
              >
                I have reviewed it
              </Button>
            }
          >
            Revision {revision} arrived while you were reviewing. The page now
            shows it; check what changed before you decide.
          </Alert>
        </Box>
      )}
      <TextField
        label="Comment"
        placeholder="What you checked, what worries you, what must change"
        multiline
        minRows={3}
        fullWidth
        variant="outlined"
        value={comment}
        error={needsComment}
        helperText={
          needsComment
            ? 'Say why: the submitter needs to know what to change.'
            : 'Required to reject or to ask for changes.'
        }
        inputProps={{ 'aria-label': 'Comment', maxLength: 10_000 }}
        onChange={e => setComment(e.target.value)}
      />
      <Box mt={2} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        <Button
          variant="contained"
          color="primary"
          disabled={!!busy || changedUnderneath}
          onClick={() => decide('approve')}
        >
          {busy === 'approve' ? 'Approving…' : 'Approve'}
        </Button>
        <Button
          variant="outlined"
          disabled={!!busy || changedUnderneath}
          onClick={() => decide('request-changes')}
        >
          {busy === 'request-changes' ? 'Sending…' : 'Request changes'}
        </Button>
        <Button
          variant="outlined"
          style={{
            color: theme.palette.error.main,
            borderColor: theme.palette.error.main,
          }}
          disabled={!!busy || changedUnderneath}
          onClick={() => decide('reject')}
        >
          {busy === 'reject' ? 'Rejecting…' : 'Reject'}
        </Button>
      </Box>
    </Box>
  );
}

/**
 * Approve, reject or ask for changes, for whoever the backend says may decide
 * now and the permission policy allows. The backend checks again either way.
 */
export function DecisionCard(props: {
  request: ChangeRequest;
  onDecided: (request: ChangeRequest) => void;
  reload: () => void;
}) {
  const { request } = props;
  const [notice, setNotice] = useState<Notice>();
  const permission = usePermission({
    permission: approvalRequestDecidePermission,
    resourceRef: request.id,
  });

  let body;
  if (!request.viewer.canDecide) {
    body = (
      <Typography color="textSecondary" aria-label="Why you cannot decide">
        {request.viewer.reason ?? 'You cannot decide on this request now.'}
      </Typography>
    );
  } else if (permission.loading) {
    body = <Progress />;
  } else if (!permission.allowed) {
    body = (
      <Typography color="textSecondary" aria-label="Why you cannot decide">
        The permission policy does not allow you to decide on this request.
      </Typography>
    );
  } else {
    body = (
      <DecisionForm
        request={request}
        onDecided={(updated, n) => {
          setNotice(n);
          props.onDecided(updated);
        }}
        onProblem={setNotice}
        onStale={props.reload}
      />
    );
  }

  return (
    <InfoCard title="Decision">
      {notice && (
        <Box mb={2}>
          <Alert
            severity={notice.severity}
            role="alert"
            onClose={() => setNotice(undefined)}
          >
            <AlertTitle>{notice.title}</AlertTitle>
            {notice.message}
          </Alert>
        </Box>
      )}
      {body}
    </InfoCard>
  );
}
