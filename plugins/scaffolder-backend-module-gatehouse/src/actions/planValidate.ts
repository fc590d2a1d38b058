import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkKubernetesFiles,
  checkTerraformFiles,
  RenderedFile,
} from '@gatehouse/plugin-infra-plans-node';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { examples } from './planValidate.examples';
import { readPlanInput } from './shared/planInput';
import type { Clock } from '@gatehouse/clock';

async function generatedFiles(root: string): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '.git') await walk(full);
      else if (entry.isFile() && /\.(tf|ya?ml)$/.test(entry.name)) {
        files.push({
          path: relative(root, full),
          content: await readFile(full, 'utf8'),
        });
      }
    }
  };
  await walk(root);
  return files;
}

/**
 * `gatehouse:infra-plan:validate`: the plan validator, and optionally the
 * checks of the files generated from it (terraform fmt / HCL parsing and the
 * Kubernetes schemas). Fails the task on errors unless told otherwise.
 */
/** @param options.clock - the date plans are validated on */
export function createPlanValidateAction(options: { clock: Clock }) {
  return createTemplateAction({
    id: 'gatehouse:infra-plan:validate',
    description:
      'Validates an infrastructure plan with located messages, and optionally the Terraform and Kubernetes files generated in the workspace.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        plan: z =>
          z
            .union([z.string(), z.record(z.unknown())], {
              description:
                'The infrastructure plan as YAML text or an object; default: infra-plan.yaml in the workspace',
            })
            .optional(),
        path: z =>
          z
            .string({
              description:
                'Path of the plan inside the workspace (default infra-plan.yaml)',
            })
            .optional(),
        checkGeneratedFiles: z =>
          z
            .boolean({
              description:
                'Also check the .tf and Kubernetes YAML files in the workspace',
            })
            .optional(),
        failOnError: z =>
          z
            .boolean({ description: 'Fail the task on errors (default true)' })
            .optional(),
      },
      output: {
        valid: z => z.boolean(),
        errorCount: z => z.number(),
        warningCount: z => z.number(),
        issues: z =>
          z.array(
            z.object({
              path: z.string(),
              severity: z.string(),
              problem: z.string(),
              hint: z.string(),
              line: z.number().optional(),
            }),
          ),
        fileIssues: z =>
          z.array(z.object({ path: z.string(), message: z.string() })),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const { result } = await readPlanInput(
        input,
        ctx.workspacePath,
        options.clock.now(),
      );
      for (const issue of result.issues) {
        const where = `${issue.path}${
          issue.line ? ` (line ${issue.line})` : ''
        }`;
        const text = `${where}: ${issue.problem} — ${issue.hint}`;
        if (issue.severity === 'error') ctx.logger.error(text);
        else ctx.logger.warn(text);
      }
      const fileIssues = [];
      if (input.checkGeneratedFiles) {
        const files = await generatedFiles(ctx.workspacePath);
        const terraform = await checkTerraformFiles(files);
        const kubernetes = checkKubernetesFiles(files);
        fileIssues.push(...terraform.issues, ...kubernetes);
        ctx.logger.info(
          `Checked ${files.length} generated files with ${[
            ...terraform.checkedWith,
            'the Kubernetes schemas',
          ].join(', ')}: ${fileIssues.length} issue(s)`,
        );
        for (const issue of fileIssues) {
          ctx.logger.error(`${issue.path}: ${issue.message}`);
        }
      }
      ctx.output('valid', result.valid && fileIssues.length === 0);
      ctx.output('errorCount', result.errorCount);
      ctx.output('warningCount', result.warningCount);
      ctx.output(
        'issues',
        result.issues.map(({ path, severity, problem, hint, line }) => ({
          path,
          severity,
          problem,
          hint,
          line,
        })),
      );
      ctx.output('fileIssues', fileIssues);
      if (
        input.failOnError !== false &&
        (!result.valid || fileIssues.length > 0)
      ) {
        throw new Error(
          `The plan has ${result.errorCount} error(s) and the generated files ${fileIssues.length} issue(s); see the log`,
        );
      }
      ctx.logger.info(`The plan validates (${result.warningCount} warning(s))`);
    },
  });
}
