import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type {
  EntityName,
  PlanRevisionSummary,
} from '@gatehouse/plugin-infra-plans-common';
import { StatusChip } from '@gatehouse/plugin-cost-react';
import {
  Radio,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { infraPlansApiRef } from '../../api';
import { ChangesList } from '../shared/ChangesList';

/** Every revision of the plan; pick one to see what changed since. */
export function RevisionsCard(props: { entity: EntityName; latest: number }) {
  const api = useApi(infraPlansApiRef);
  const revisions = useAsync(
    () => api.listRevisions(props.entity),
    [props.entity.name, props.latest],
  );
  const items = revisions.value?.items ?? [];
  const [from, setFrom] = useState<number>();
  const base = from ?? items.find(r => r.revision < props.latest)?.revision;
  const diff = useAsync(
    async () => (base ? api.diff(props.entity, base, props.latest) : undefined),
    [base, props.latest],
  );

  if (revisions.loading) return <Progress />;
  if (revisions.error) return <ResponseErrorPanel error={revisions.error} />;
  return (
    <InfoCard title="Revisions">
      <Table size="small" aria-label="plan revisions">
        <TableHead>
          <TableRow>
            <TableCell>Compare</TableCell>
            <TableCell>Revision</TableCell>
            <TableCell>Source</TableCell>
            <TableCell>When</TableCell>
            <TableCell>By</TableCell>
            <TableCell>Validation</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((r: PlanRevisionSummary) => (
            <TableRow key={r.revision} selected={r.revision === base}>
              <TableCell padding="checkbox">
                <Radio
                  size="small"
                  disabled={r.revision >= props.latest}
                  checked={r.revision === base}
                  onChange={() => setFrom(r.revision)}
                  inputProps={{
                    'aria-label': `compare revision ${r.revision} with ${props.latest}`,
                  }}
                />
              </TableCell>
              <TableCell>
                {r.revision}
                {r.message ? (
                  <Typography variant="caption" display="block">
                    {r.message}
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell>{r.source}</TableCell>
              <TableCell>{new Date(r.createdAt).toLocaleString()}</TableCell>
              <TableCell>{r.author ?? '—'}</TableCell>
              <TableCell>
                <StatusChip
                  tone={r.valid ? 'success' : 'error'}
                  label={
                    r.valid
                      ? `valid, ${r.warningCount} warning(s)`
                      : `${r.errorCount} error(s)`
                  }
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        {base
          ? `Changes from revision ${base} to ${props.latest}`
          : 'This is the first revision.'}
      </Typography>
      {diff.error ? <ResponseErrorPanel error={diff.error} /> : null}
      {diff.value ? <ChangesList changes={diff.value.changes} /> : null}
    </InfoCard>
  );
}
