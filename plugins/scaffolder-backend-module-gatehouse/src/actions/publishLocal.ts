import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import git from 'isomorphic-git';
import fs from 'node:fs';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import yaml from 'yaml';
import { examples } from './publishLocal.examples';

/**
 * Tells the catalog a repository was published. The catalog reads the
 * publisher's folder itself (a provider in the backend), so users never
 * register file locations.
 */
export type AnnouncePublished = (published: {
  repository: string;
  commitHash: string;
}) => Promise<void>;

/** The kind:namespace/name refs of the entities a catalog-info.yaml declares. */
function declaredEntityRefs(text: string): string[] {
  return yaml
    .parseAllDocuments(text)
    .map(doc => doc.toJS() as Entity | null)
    .filter((e): e is Entity => Boolean(e?.kind && e?.metadata?.name))
    .map(e => stringifyEntityRef(e));
}

const DEFAULT_AUTHOR = { name: 'Gatehouse', email: 'gatehouse@example.com' };

/** Every path in the work tree (not .git), relative, with / separators. */
async function workTreeFiles(root: string, dir = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await workTreeFiles(root, rel)));
    else out.push(rel);
  }
  return out;
}

/**
 * `gatehouse:publish:local`: the embedded default publisher. The workspace
 * becomes a commit in a git repository under a configured folder (a new
 * repository the first time, the next commit after that), and its
 * catalog-info.yaml is registered so the new environment appears in the
 * catalog. For GitHub, GitLab or Gitea use the upstream publish actions.
 */
export function createPublishLocalAction(options: {
  /** Folder the repositories live in; unset disables the action. */
  directory?: string;
  announce: AnnouncePublished;
  author?: { name: string; email: string };
}) {
  return createTemplateAction({
    id: 'gatehouse:publish:local',
    description:
      'Commits the workspace to a git repository in the local repositories folder (gatehouse.environments.localPublisher.directory); the catalog reads its catalog-info.yaml from there.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z
            .string({ description: 'Repository name (folder), a DNS label' })
            .regex(
              /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
              'lower-case letters, digits and dashes',
            )
            .max(100),
        sourcePath: z =>
          z
            .string({ description: 'Folder of the workspace to publish' })
            .optional(),
        commitMessage: z => z.string().optional(),
        catalogInfoPath: z =>
          z.string({ description: 'Default /catalog-info.yaml' }).optional(),
        register: z =>
          z
            .boolean({ description: 'Register in the catalog (default true)' })
            .optional(),
      },
      output: {
        remoteUrl: z => z.string(),
        repoContentsUrl: z => z.string(),
        commitHash: z => z.string(),
        created: z => z.boolean(),
        entityRef: z => z.string().optional(),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      if (!options.directory) {
        throw new InputError(
          'The local publisher is not configured: set gatehouse.environments.localPublisher.directory',
        );
      }
      const root = resolve(options.directory);
      const target = resolveSafeChildPath(root, input.repoName);
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        input.sourcePath ?? '.',
      );
      const catalogInfo = join(
        target,
        (input.catalogInfoPath ?? '/catalog-info.yaml').replace(/^\/+/, ''),
      );
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would commit ${source} to ${target}`);
        ctx.output('remoteUrl', `file://${target}`);
        ctx.output('repoContentsUrl', target);
        ctx.output('commitHash', 'dry-run');
        ctx.output('created', false);
        return;
      }

      const existed = fs.existsSync(join(target, '.git'));
      await mkdir(target, { recursive: true });
      if (!existed) await git.init({ fs, dir: target, defaultBranch: 'main' });
      // The new content replaces the old: files the render no longer makes go.
      for (const path of await workTreeFiles(target)) {
        await rm(join(target, path), { force: true });
      }
      await cp(source, target, {
        recursive: true,
        filter: path => !path.split(/[\\/]/).includes('.git'),
      });
      const matrix = await git.statusMatrix({ fs, dir: target });
      let changes = 0;
      for (const [path, head, workdir, stage] of matrix) {
        if (workdir === 0) {
          await git.remove({ fs, dir: target, filepath: path });
          changes++;
        } else if (head !== workdir || workdir !== stage) {
          await git.add({ fs, dir: target, filepath: path });
          if (head !== workdir) changes++;
        }
      }
      let commitHash: string;
      if (existed && changes === 0) {
        commitHash = await git.resolveRef({ fs, dir: target, ref: 'HEAD' });
        ctx.logger.info(`${input.repoName} is unchanged at ${commitHash}`);
      } else {
        const user = ctx.user?.entity?.spec?.profile as
          | { displayName?: string; email?: string }
          | undefined;
        commitHash = await git.commit({
          fs,
          dir: target,
          message:
            input.commitMessage ??
            (existed ? 'Update the environment' : 'Initial environment'),
          author: user?.email
            ? { name: user.displayName ?? user.email, email: user.email }
            : options.author ?? DEFAULT_AUTHOR,
        });
        ctx.logger.info(
          `${existed ? 'Committed' : 'Created'} ${
            input.repoName
          } at ${commitHash} (${changes} file change(s))`,
        );
      }

      let entityRef: string | undefined;
      if (input.register !== false && fs.existsSync(catalogInfo)) {
        const refs = declaredEntityRefs(fs.readFileSync(catalogInfo, 'utf8'));
        entityRef = refs.find(ref => ref.startsWith('resource:')) ?? refs[0];
        await options.announce({ repository: target, commitHash });
        ctx.logger.info(`The catalog reads ${catalogInfo}: ${refs.join(', ')}`);
      }
      ctx.output('remoteUrl', `file://${target}`);
      ctx.output('repoContentsUrl', target);
      ctx.output('commitHash', commitHash);
      ctx.output('created', !existed);
      if (entityRef) ctx.output('entityRef', entityRef);
    },
  });
}
