import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ChangeRequest } from '@gatehouse/plugin-approvals-common';
import { Box, Grid, Typography, useTheme } from '@material-ui/core';
import { costChangeColor, formatCostDelta } from '@gatehouse/plugin-cost-react';
import { RequestStatusChip, RiskChip } from '../shared/Chips';
import {
  displayEnvironment,
  displayRef,
  formatRelative,
  formatTime,
  shortHash,
  SUBMITTER_KIND_LABELS,
} from '../shared/format';
import { Field } from './Field';

const When = (props: { at: string }) => (
  <>
    {formatTime(props.at)}{' '}
    <Typography component="span" variant="body2" color="textSecondary">
      ({formatRelative(props.at)})
    </Typography>
  </>
);

/** Who asks for what, where, and which exact revision is being decided. */
export function SummaryCard(props: { request: ChangeRequest }) {
  const { request: r } = props;
  const theme = useTheme();
  const earlier = r.revisions
    .filter(rev => rev.revision !== r.current.revision)
    .sort((a, b) => b.revision - a.revision);
  return (
    <InfoCard title="Summary" variant="gridItem">
      <Grid container spacing={2}>
        <Grid item xs={12} sm={6}>
          <Field label="Service">
            <EntityRefLink
              entityRef={r.entityRef}
              title={displayRef(r.entityRef)}
            />
          </Field>
          <Field label="Environment">{displayEnvironment(r)}</Field>
          <Field label="Status">
            <RequestStatusChip status={r.status} />
          </Field>
          <Field label="Risk">
            <RiskChip level={r.riskLevel} />
          </Field>
          <Field label="Cost delta">
            <span style={{ color: costChangeColor(theme, r.costDelta) }}>
              {formatCostDelta(r.costDelta)}
            </span>
          </Field>
        </Grid>
        <Grid item xs={12} sm={6}>
          <Field label="Submitted by">
            {displayRef(r.submitter)}{' '}
            <Typography component="span" variant="body2" color="textSecondary">
              ({SUBMITTER_KIND_LABELS[r.submitterKind] ?? r.submitterKind})
            </Typography>
          </Field>
          <Field label="Created">
            <When at={r.createdAt} />
          </Field>
          <Field label="Updated">
            <When at={r.updatedAt} />
          </Field>
          <Field label="Expires">
            <When at={r.expiresAt} />
          </Field>
        </Grid>
        <Grid item xs={12}>
          <Field label="Revision">
            Revision {r.current.revision} of {Math.max(r.revisions.length, 1)},
            submitted by {displayRef(r.current.submittedBy)} on{' '}
            {formatTime(r.current.createdAt)}
          </Field>
          <Field label="Content hash">
            <Typography
              variant="body2"
              style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
            >
              {r.current.contentHash}
            </Typography>
          </Field>
          {earlier.length > 0 && (
            <Field label="Earlier revisions">
              {earlier.map(rev => (
                <Typography key={rev.revision} variant="body2">
                  Revision {rev.revision} ·{' '}
                  <span style={{ fontFamily: 'monospace' }}>
                    {shortHash(rev.contentHash)}
                  </span>{' '}
                  · {displayRef(rev.submittedBy)} · {formatTime(rev.createdAt)}
                </Typography>
              ))}
            </Field>
          )}
          {r.followUp && (
            <Field label="When approved">
              <Box>
                Runs the template {displayRef(r.followUp.templateRef)}
                {r.followUp.taskId && <> (task {r.followUp.taskId})</>}
              </Box>
            </Field>
          )}
        </Grid>
      </Grid>
    </InfoCard>
  );
}
