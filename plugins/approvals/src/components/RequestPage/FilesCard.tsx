import { MouseEvent, useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { fetchApiRef, useApi } from '@backstage/frontend-plugin-api';
import type {
  ChangedFile,
  ChangeRequest,
} from '@gatehouse/plugin-approvals-common';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Button,
  Typography,
  useTheme,
} from '@material-ui/core';
import {
  StatusChip,
  StatusTone,
  toneColor,
} from '@gatehouse/plugin-cost-react';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsync from 'react-use/esm/useAsync';
import { approvalsApiRef } from '../../api';
import { errorMessage } from '../shared/errors';
import { DiffBlock, diffStats } from './DiffBlock';

/** Files expanded at first: a few small ones; the rest open on demand. */
const EXPAND_FIRST_FILES = 5;
const EXPAND_MAX_LINES = 300;

const FILE_STATUS_TONES: Record<ChangedFile['status'], StatusTone> = {
  added: 'success',
  modified: 'info',
  deleted: 'error',
  unchanged: 'muted',
};

function FileDiff(props: { file: ChangedFile; defaultExpanded: boolean }) {
  const { file } = props;
  const theme = useTheme();
  const stats = diffStats(file.diff);
  const hasDiff = file.diff.trim() !== '';
  return (
    <Accordion
      defaultExpanded={props.defaultExpanded && hasDiff}
      disabled={!hasDiff}
      TransitionProps={{ unmountOnExit: true }}
      variant="outlined"
    >
      <AccordionSummary
        expandIcon={hasDiff ? <ExpandMoreIcon /> : undefined}
        aria-label={`Diff of ${file.path}`}
      >
        <Box display="flex" alignItems="center" style={{ gap: 12 }}>
          <Typography
            variant="body2"
            style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
          >
            {file.path}
          </Typography>
          <StatusChip
            label={file.status}
            tone={FILE_STATUS_TONES[file.status] ?? 'neutral'}
          />
          {hasDiff && (
            <Typography variant="caption" style={{ whiteSpace: 'nowrap' }}>
              <span style={{ color: toneColor(theme, 'success') }}>
                +{stats.added}
              </span>{' '}
              <span style={{ color: toneColor(theme, 'error') }}>
                −{stats.removed}
              </span>
            </Typography>
          )}
        </Box>
      </AccordionSummary>
      <AccordionDetails>
        <DiffBlock diff={file.diff} label={`Diff of ${file.path}`} />
      </AccordionDetails>
    </Accordion>
  );
}

/**
 * The plan as submitted. The backend wants the user's token, which a plain
 * link would not carry, so the download goes through the fetch API; the link
 * itself still points at the plan for copying.
 */
function PlanDownload(props: { id: string; revision: number }) {
  const api = useApi(approvalsApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [problem, setProblem] = useState<string>();
  const url = useAsync(
    () => api.planUrl(props.id, props.revision),
    [api, props.id, props.revision],
  );
  const filename = `plan-${props.id}-r${props.revision}.json`;

  const download = async (event: MouseEvent) => {
    event.preventDefault();
    if (!url.value) return;
    setProblem(undefined);
    try {
      const response = await fetchApi.fetch(url.value);
      if (!response.ok) {
        throw new Error(`${response.status} ${response.statusText}`.trim());
      }
      const blob = await response.blob();
      const objectUrl = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = objectUrl;
      a.download = filename;
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(objectUrl);
    } catch (e) {
      setProblem(`Could not download the plan: ${errorMessage(e)}`);
    }
  };

  return (
    <Box textAlign="right">
      <Button
        size="small"
        variant="outlined"
        startIcon={<GetAppIcon />}
        href={url.value ?? '#'}
        download={filename}
        disabled={!url.value}
        onClick={download}
      >
        Download plan JSON
      </Button>
      {problem && (
        <Typography variant="caption" color="error" display="block">
          {problem}
        </Typography>
      )}
    </Box>
  );
}

/** The generated files, each with its diff, and the Terraform plan. */
export function FilesCard(props: { request: ChangeRequest }) {
  const { id, current } = props.request;
  const changed = current.files.filter(f => f.status !== 'unchanged');
  const unchanged = current.files.filter(f => f.status === 'unchanged');
  return (
    <InfoCard
      title="Files and plan"
      subheader={`${changed.length} changed file${
        changed.length === 1 ? '' : 's'
      }${unchanged.length ? `, ${unchanged.length} unchanged` : ''}`}
      action={
        current.hasPlan ? (
          <PlanDownload id={id} revision={current.revision} />
        ) : undefined
      }
    >
      {!current.hasPlan && (
        <Typography variant="body2" color="textSecondary" paragraph>
          No Terraform plan was submitted with this revision.
        </Typography>
      )}
      {current.files.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No generated files were submitted with this revision.
        </Typography>
      )}
      {[...changed, ...unchanged].map((file, index) => (
        <FileDiff
          key={file.path}
          file={file}
          defaultExpanded={
            index < EXPAND_FIRST_FILES &&
            file.diff.split('\n').length <= EXPAND_MAX_LINES
          }
        />
      ))}
    </InfoCard>
  );
}
