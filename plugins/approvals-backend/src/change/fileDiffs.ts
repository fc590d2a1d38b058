import { createTwoFilesPatch } from 'diff';
import type { ChangedFile } from '@gatehouse/plugin-approvals-common';

/** Unified diffs of generated files against the content they replace. */
export function fileDiffs(
  files: Array<{ path: string; content: string; previousContent?: string }>,
): ChangedFile[] {
  return files.map(file => {
    const before = file.previousContent ?? '';
    let status: ChangedFile['status'] = 'modified';
    if (before === file.content) status = 'unchanged';
    else if (before === '') status = 'added';
    else if (file.content === '') status = 'deleted';
    return {
      path: file.path,
      status,
      diff:
        status === 'unchanged'
          ? ''
          : createTwoFilesPatch(
              `a/${file.path}`,
              `b/${file.path}`,
              before,
              file.content,
              '',
              '',
              { context: 3 },
            ),
    };
  });
}
