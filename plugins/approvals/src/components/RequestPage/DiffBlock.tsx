import { useState } from 'react';
import { Box, Button } from '@material-ui/core';
import { alpha, makeStyles } from '@material-ui/core/styles';

/** Lines rendered before asking: a generated file's diff can be huge. */
export const MAX_DIFF_LINES = 1500;

export type DiffLineKind = 'added' | 'removed' | 'hunk' | 'header' | 'context';

export function lineKind(line: string): DiffLineKind {
  if (line.startsWith('+++') || line.startsWith('---')) return 'header';
  if (line.startsWith('+')) return 'added';
  if (line.startsWith('-')) return 'removed';
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('diff ') || line.startsWith('index ')) return 'header';
  return 'context';
}

/** Lines added and removed by a unified diff. */
export function diffStats(diff: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff.split('\n')) {
    const kind = lineKind(line);
    if (kind === 'added') added++;
    else if (kind === 'removed') removed++;
  }
  return { added, removed };
}

const useStyles = makeStyles(theme => ({
  block: {
    margin: 0,
    fontFamily:
      'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: 12,
    lineHeight: 1.5,
    overflowX: 'auto',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: 4,
    width: '100%',
  },
  line: { whiteSpace: 'pre', padding: '0 8px', minHeight: 18 },
  // Tints, so the text stays readable on them in light and dark mode.
  added: { background: alpha(theme.palette.success.main, 0.18) },
  removed: { background: alpha(theme.palette.error.main, 0.18) },
  hunk: {
    background: alpha(theme.palette.info.main, 0.12),
    color: theme.palette.text.secondary,
  },
  header: { color: theme.palette.text.secondary, fontWeight: 600 },
  context: {},
}));

/**
 * A unified diff with added and removed lines coloured. Every line is React
 * text, so nothing in a diff can turn into markup.
 */
export function DiffBlock(props: { diff: string; label?: string }) {
  const classes = useStyles();
  const [showAll, setShowAll] = useState(false);
  const lines = props.diff.replace(/\n$/, '').split('\n');
  const shown = showAll ? lines : lines.slice(0, MAX_DIFF_LINES);
  return (
    <Box width="100%">
      <pre className={classes.block} aria-label={props.label ?? 'Diff'}>
        {shown.map((line, i) => {
          const kind = lineKind(line);
          return (
            <div
              // Lines of a diff have no identity beyond their position.
              // eslint-disable-next-line react/no-array-index-key
              key={i}
              className={`${classes.line} ${classes[kind]}`}
              data-line-kind={kind}
            >
              {line}
            </div>
          );
        })}
      </pre>
      {shown.length < lines.length && (
        <Button size="small" onClick={() => setShowAll(true)}>
          Show all {lines.length} lines
        </Button>
      )}
    </Box>
  );
}
