import { createTwoFilesPatch } from 'diff';
import type { FileChange, RenderedRepository } from './types';

/**
 * What changes between two renderings of a repository, file by file, with
 * a unified diff (three lines of context) per added, removed or changed
 * file, in path order. Added files diff against /dev/null and removed files
 * to it, as `git diff` shows them.
 * @public
 */
export function diffRepositories(
  before: RenderedRepository,
  after: RenderedRepository,
): FileChange[] {
  const old = new Map(before.files.map(f => [f.path, f.content]));
  const next = new Map(after.files.map(f => [f.path, f.content]));
  const paths = [...new Set([...old.keys(), ...next.keys()])].sort();
  const changes: FileChange[] = [];
  for (const path of paths) {
    const a = old.get(path);
    const b = next.get(path);
    if (a === b) continue;
    let status: FileChange['status'] = 'changed';
    if (a === undefined) status = 'added';
    else if (b === undefined) status = 'removed';
    const diff = createTwoFilesPatch(
      a === undefined ? '/dev/null' : `a/${path}`,
      b === undefined ? '/dev/null' : `b/${path}`,
      a ?? '',
      b ?? '',
      undefined,
      undefined,
      { context: 3 },
    );
    changes.push({ path, status, diff: stripIndexHeader(diff) });
  }
  return changes;
}

/** jsdiff starts a patch with a `====` separator line; unified diffs begin at `---`. */
function stripIndexHeader(patch: string): string {
  return patch.replace(/^={10,}\n/, '');
}
