/**
 * Checks of generated Terraform, on every machine: each .tf and .tfvars file is
 * parsed with HashiCorp's HCL parser (compiled to WebAssembly in
 * @cdktn/hcl2json) and compared with what HashiCorp's hclwrite formatter (the
 * code behind `terraform fmt`, compiled to WebAssembly in @cdktn/hcl-tools)
 * makes of it, and every resource and data block of the .tf files is checked
 * against the AWS provider's schema (./terraformProviderSchema.ts). When a
 * `terraform` binary is on PATH, `terraform fmt -check -diff` runs as well, on
 * a copy of the files in a temporary directory.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { format } from '@cdktn/hcl-tools';
import { parse } from '@cdktn/hcl2json';
import { createTwoFilesPatch } from 'diff';
import type { GeneratedFileIssue, RenderedFile } from '../types';
import {
  AWS_PROVIDER_SCHEMA,
  checkTerraformProviderSchema,
} from './terraformProviderSchema';

const run = promisify(execFile);

/** Name of the parser check in `checkedWith`. */
export const HCL_PARSER = '@cdktn/hcl2json (HCL parser)';

/** Name of the formatter check in `checkedWith`. */
export const HCL_FORMATTER = '@cdktn/hcl-tools (hclwrite formatter)';

function isTerraformFile(path: string): boolean {
  return path.endsWith('.tf') || path.endsWith('.tfvars');
}

/** The `terraform` executable on PATH, if any. */
export async function findTerraform(
  pathVariable = process.env.PATH ?? '',
): Promise<string | undefined> {
  for (const dir of pathVariable.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'terraform');
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

async function parseAll(files: RenderedFile[]): Promise<GeneratedFileIssue[]> {
  const issues: GeneratedFileIssue[] = [];
  for (const file of files) {
    try {
      await parse(file.path, file.content);
    } catch (error) {
      issues.push({
        path: file.path,
        message: `HCL does not parse: ${(error as Error).message}`,
      });
    }
  }
  return issues;
}

/**
 * Files whose text differs from what hclwrite's formatter writes, with the
 * difference as a unified diff. Files that do not parse are left to the parser.
 */
async function formatAll(files: RenderedFile[]): Promise<GeneratedFileIssue[]> {
  const issues: GeneratedFileIssue[] = [];
  for (const file of files) {
    let formatted: string;
    try {
      formatted = await format(file.content);
    } catch {
      continue;
    }
    if (formatted !== file.content) {
      const diff = createTwoFilesPatch(
        `old/${file.path}`,
        `new/${file.path}`,
        file.content,
        formatted,
        undefined,
        undefined,
        { context: 1 },
      );
      issues.push({
        path: file.path,
        message: `not formatted as terraform fmt writes it:\n${diff.trimEnd()}`,
      });
    }
  }
  return issues;
}

/** Environment for terraform: no CLI config file lookups, no update checks. */
function terraformEnv(configFile: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TF_CLI_CONFIG_FILE: configFile,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
  };
}

/** Splits `terraform fmt -diff` output into one diff per file. */
function diffsByFile(output: string): Map<string, string> {
  const diffs = new Map<string, string>();
  const parts = output.split(/^(?=--- old\/)/m);
  for (const part of parts) {
    const match = /^--- old\/(.+)$/m.exec(part);
    if (match) diffs.set(match[1].trim(), part.trimEnd());
  }
  return diffs;
}

async function terraformFmt(
  terraform: string,
  files: RenderedFile[],
): Promise<{ issues: GeneratedFileIssue[]; version: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'gatehouse-tf-'));
  try {
    const configFile = join(dir, '.terraformrc');
    await writeFile(configFile, '');
    const env = terraformEnv(configFile);
    const root = join(dir, 'files');
    for (const file of files) {
      const target = join(root, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    const { stdout: versionJson } = await run(terraform, ['version', '-json'], {
      env,
    });
    const version = JSON.parse(versionJson).terraform_version as string;
    try {
      await run(
        terraform,
        ['fmt', '-check', '-diff', '-no-color', '-recursive', '.'],
        { cwd: root, env, maxBuffer: 64 * 1024 * 1024 },
      );
      return { issues: [], version };
    } catch (error) {
      const failure = error as {
        code?: number;
        stdout?: string;
        stderr?: string;
      };
      const diffs = diffsByFile(failure.stdout ?? '');
      if (failure.code === 3 && diffs.size > 0) {
        return {
          version,
          issues: [...diffs.entries()].map(([path, diff]) => ({
            path,
            message: `not formatted as terraform fmt writes it:\n${diff}`,
          })),
        };
      }
      // Anything else (exit 2: a file that does not parse) is reported whole.
      const message = (
        failure.stderr ||
        failure.stdout ||
        String(error)
      ).trim();
      const named = files.find(f => message.includes(f.path.split('/').pop()!));
      return {
        version,
        issues: [
          {
            path: named?.path ?? files[0].path,
            message: `terraform fmt failed: ${message}`,
          },
        ],
      };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Parses every .tf/.tfvars file with the HCL parser, compares it with
 * hclwrite's formatting and checks its resources and data sources against the
 * AWS provider schema (always), and runs `terraform fmt -check -diff` too
 * when a `terraform` binary is on PATH (or given). A formatting fault found by
 * both is reported once, by terraform. Returns the issues (empty: fine) and
 * which checkers ran.
 * @public
 */
export async function checkTerraformFiles(
  files: RenderedFile[],
  options: { terraform?: string | false } = {},
): Promise<{ issues: GeneratedFileIssue[]; checkedWith: string[] }> {
  const terraformFiles = files.filter(f => isTerraformFile(f.path));
  const checkedWith = [HCL_PARSER, HCL_FORMATTER, AWS_PROVIDER_SCHEMA];
  const issues = await parseAll(terraformFiles);
  issues.push(...(await checkTerraformProviderSchema(terraformFiles)));
  const formatting = await formatAll(terraformFiles);
  const terraform =
    options.terraform === false
      ? undefined
      : options.terraform ?? (await findTerraform());
  if (terraform && terraformFiles.length > 0) {
    const fmt = await terraformFmt(terraform, terraformFiles);
    checkedWith.push(`terraform fmt (Terraform ${fmt.version})`);
    const byTerraform = new Set(fmt.issues.map(issue => issue.path));
    issues.push(
      ...formatting.filter(issue => !byTerraform.has(issue.path)),
      ...fmt.issues,
    );
  } else {
    issues.push(...formatting);
  }
  return { issues, checkedWith };
}
