/*
 * Runs a publishing action's handler the way the scaffolder would for one
 * step: a workspace with the given files, a fresh temporary directory for
 * each createTemporaryDirectory() (the mock context answers the workspace
 * itself), and the dry-run flag (which the mock context does not take).
 * Returns the outputs the step set, by name. Test-only.
 */
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export async function runPublisher(
  action: TemplateAction<any, any, any>,
  options: {
    /** Where the task's folders go (a test's mock directory). */
    scratch: string;
    files: Record<string, string>;
    input: Record<string, unknown>;
    isDryRun?: boolean;
  },
): Promise<Record<string, any>> {
  const task = await mkdtemp(join(options.scratch, 'task-'));
  const workspace = join(task, 'workspace');
  for (const [path, content] of Object.entries(options.files)) {
    await mkdir(dirname(join(workspace, path)), { recursive: true });
    await writeFile(join(workspace, path), content);
  }
  const ctx = {
    ...createMockActionContext({
      input: options.input as any,
      workspacePath: workspace,
    }),
    createTemporaryDirectory: () => mkdtemp(join(task, 'tmp-')),
    isDryRun: options.isDryRun ?? false,
  };
  await action.handler(ctx);
  return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
}
