import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import type { ChangeSummary } from '@gatehouse/plugin-approvals-common';
import {
  Box,
  Chip,
  FormControlLabel,
  Paper,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import {
  RESOURCE_ACTION_TONES,
  ResourceActionChip,
  StatusChip,
} from '@gatehouse/plugin-cost-react';

const COUNTED = ['create', 'update', 'replace', 'delete'] as const;
const isUnchanged = (action: string) => action === 'no-op' || action === 'read';

/** What Terraform will do, resource by resource. */
export function ResourceChangesCard(props: { summary: ChangeSummary }) {
  const { summary } = props;
  const [showUnchanged, setShowUnchanged] = useState(false);
  const unchanged = summary.resources.filter(r => isUnchanged(r.action));
  const rows = showUnchanged
    ? summary.resources
    : summary.resources.filter(r => !isUnchanged(r.action));
  return (
    <InfoCard title="Resource changes">
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
        mb={2}
        aria-label="Resource change counts"
      >
        {COUNTED.map(action =>
          // Only actions that happen get their colour; the rest stay quiet.
          summary[action] ? (
            <StatusChip
              key={action}
              label={`${summary[action]} to ${action}`}
              tone={RESOURCE_ACTION_TONES[action]}
            />
          ) : (
            <Chip
              key={action}
              size="small"
              variant="outlined"
              label={`${summary[action]} to ${action}`}
            />
          ),
        )}
        {unchanged.length > 0 && (
          <FormControlLabel
            style={{ marginLeft: 'auto' }}
            control={
              <Switch
                size="small"
                checked={showUnchanged}
                onChange={e => setShowUnchanged(e.target.checked)}
              />
            }
            label={`Show ${unchanged.length} unchanged`}
          />
        )}
      </Box>
      {summary.resources.length === 0 ? (
        <Typography color="textSecondary">
          No Terraform plan: this change has no resource changes to show.
        </Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Resource changes">
            <TableHead>
              <TableRow>
                <TableCell>Address</TableCell>
                <TableCell>Type</TableCell>
                <TableCell>Action</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(r => (
                <TableRow key={r.address}>
                  <TableCell
                    style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
                  >
                    {r.address}
                  </TableCell>
                  <TableCell style={{ fontFamily: 'monospace' }}>
                    {r.type}
                  </TableCell>
                  <TableCell>
                    <ResourceActionChip action={r.action} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </InfoCard>
  );
}
