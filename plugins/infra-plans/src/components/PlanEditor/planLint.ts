import type { Diagnostic } from '@codemirror/lint';
import type { PlanIssue } from '@gatehouse/plugin-infra-plans-common';

/**
 * Turns located plan issues into editor diagnostics. Issues without a line
 * (rare: whole-document problems) are pinned to the first line.
 */
export function issuesToDiagnostics(
  text: string,
  issues: PlanIssue[],
): Diagnostic[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') lineStarts.push(i + 1);
  }
  return issues.map(issue => {
    const line = Math.min(Math.max(issue.line ?? 1, 1), lineStarts.length);
    const start = lineStarts[line - 1];
    const end = line < lineStarts.length ? lineStarts[line] - 1 : text.length;
    const from = Math.min(start + Math.max((issue.column ?? 1) - 1, 0), end);
    return {
      from,
      to: end > from ? end : from,
      severity: issue.severity,
      message: `${issue.path}: ${issue.problem} — ${issue.hint}`,
    };
  });
}
