import { StatusChip, StatusChipProps } from '@gatehouse/plugin-cost-react';

/** What validation found in a plan. */
export type ValidityCounts = {
  valid: boolean;
  errorCount: number;
  warningCount: number;
};

/** Whether a plan validates, with its counts: "valid · 2 warning(s)". */
export function ValidityChip(
  props: Omit<StatusChipProps, 'label' | 'tone'> & { result: ValidityCounts },
) {
  const { result, ...chipProps } = props;
  return (
    <StatusChip
      {...chipProps}
      tone={result.valid ? 'success' : 'error'}
      label={
        result.valid
          ? `valid · ${result.warningCount} warning(s)`
          : `${result.errorCount} error(s) · ${result.warningCount} warning(s)`
      }
    />
  );
}
