import type { PlanIssue } from '@gatehouse/plugin-infra-plans-common';
import { StatusChip } from '@gatehouse/plugin-cost-react';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';

/** Validation findings with where they are and how to fix them. */
export function IssuesTable(props: {
  issues: PlanIssue[];
  onSelect?: (issue: PlanIssue) => void;
}) {
  const { issues, onSelect } = props;
  if (issues.length === 0) {
    return (
      <Typography variant="body2" data-testid="plan-valid">
        No issues: the plan validates.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="validation issues">
      <TableHead>
        <TableRow>
          <TableCell>Severity</TableCell>
          <TableCell>Where</TableCell>
          <TableCell>Problem</TableCell>
          <TableCell>Hint</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {issues.map((issue, index) => (
          <TableRow
            key={`${issue.path}-${issue.rule}-${index}`}
            hover={Boolean(onSelect)}
            style={onSelect ? { cursor: 'pointer' } : undefined}
            onClick={onSelect ? () => onSelect(issue) : undefined}
          >
            <TableCell>
              <StatusChip
                label={issue.severity}
                tone={issue.severity === 'error' ? 'error' : 'warning'}
              />
            </TableCell>
            <TableCell>
              <code>{issue.path}</code>
              {issue.line ? (
                <Typography variant="caption" display="block">
                  line {issue.line}
                  {issue.column ? `, column ${issue.column}` : ''}
                </Typography>
              ) : null}
            </TableCell>
            <TableCell>{issue.problem}</TableCell>
            <TableCell>{issue.hint}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
