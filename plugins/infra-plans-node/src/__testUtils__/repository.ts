import { parse as parseHcl } from '@cdktn/hcl2json';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import type { RenderedRepository } from '../types';

/** The content of a generated file; throws when it is missing. */
export function fileOf(repo: RenderedRepository, path: string): string {
  const file = repo.files.find(f => f.path === path);
  if (!file) {
    throw new Error(`no ${path} in ${repo.files.map(f => f.path).join(', ')}`);
  }
  return file.content;
}

export function hasFile(repo: RenderedRepository, path: string): boolean {
  return repo.files.some(f => f.path === path);
}

/** A generated .tf file as HCL's JSON form (blocks are arrays). */
export async function hclOf(
  repo: RenderedRepository,
  path: string,
): Promise<Record<string, any>> {
  return parseHcl(path, fileOf(repo, path));
}

/** The single YAML document of a generated file. */
export function yamlOf(repo: RenderedRepository, path: string): any {
  return parseYaml(fileOf(repo, path));
}

export function yamlDocumentsOf(repo: RenderedRepository, path: string): any[] {
  return parseAllDocuments(fileOf(repo, path)).map(d => d.toJS());
}

/** Whether an executable is on PATH. */
function onPath(binary: string): boolean {
  const { accessSync, constants } = require('node:fs');
  const { delimiter, join } = require('node:path');
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .some((dir: string) => {
      try {
        accessSync(join(dir, binary), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/**
 * Fails the calling test loudly when a tool the real-tool checks need is not on
 * PATH. These checks come on top of the library checks that run everywhere;
 * `./gatehouse test` makes the tools available (scripts/lib/iac-tools.sh) or
 * stops before the tests, so a run never passes without them.
 */
export function requireTool(binary: 'terraform' | 'kubectl'): void {
  if (!onPath(binary)) {
    throw new Error(
      `${binary} is not on PATH: the real-${binary} checks need it. ` +
        '`./gatehouse test` installs it where it can (see scripts/lib/iac-tools.sh); ' +
        `otherwise install ${binary} yourself.`,
    );
  }
}

/** `local.ingress_settings` of loadbalancer.tf: key → Terraform expression. */
export async function ingressSettingsOf(
  repo: RenderedRepository,
): Promise<Record<string, string>> {
  if (!repo.files.some(f => f.path === 'terraform/loadbalancer.tf')) return {};
  const locals = (await hclOf(repo, 'terraform/loadbalancer.tf')).locals ?? [];
  return (
    locals.find((l: Record<string, any>) => l.ingress_settings)
      ?.ingress_settings ?? {}
  );
}

/**
 * `kubectl kustomize kubernetes/` of a rendered repository, with
 * `kubernetes/ingress-settings.env` written from `settings` as
 * `terraform output -raw ingress_settings` would write it. Returns the
 * objects kustomize emits.
 */
export function kustomizeBuild(
  repo: RenderedRepository,
  settings: Record<string, string>,
): any[] {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = require('node:fs');
  const { dirname, join } = require('node:path');
  const { tmpdir } = require('node:os');
  const { execFileSync } = require('node:child_process');
  const root = mkdtempSync(join(tmpdir(), 'gatehouse-kustomize-'));
  try {
    for (const file of repo.files) {
      if (!file.path.startsWith('kubernetes/')) continue;
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, file.path), file.content);
    }
    const env = Object.entries(settings)
      .map(([key, value]) => `${key}=${value}\n`)
      .join('');
    if (env) writeFileSync(join(root, 'kubernetes/ingress-settings.env'), env);
    const output: string = execFileSync(
      'kubectl',
      ['kustomize', join(root, 'kubernetes')],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return parseAllDocuments(output).map(d => d.toJS());
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
