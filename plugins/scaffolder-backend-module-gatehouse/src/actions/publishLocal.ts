import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import git from 'isomorphic-git';
import fs from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import yaml from 'yaml';
import { examples } from './publishLocal.examples';
import { commitAuthor, CommitAuthor } from './shared/commitAuthor';
import {
  BRANCH_NAME,
  BRANCH_NAME_MESSAGE,
  HTTP_URL,
  HTTP_URL_MESSAGE,
} from './shared/gitInputs';
import { pushToRemote } from './shared/pushToRemote';
import {
  changeCount,
  replaceWorkTree,
  workTreeChanges,
} from './shared/workTree';
import type { GitAuthLookup } from './shared/workspaceBranch';

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

/**
 * `gatehouse:publish:local`: the embedded default publisher. The workspace
 * becomes a commit in a git repository under a configured folder (a new
 * repository the first time, the next commit after that), and its
 * catalog-info.yaml is registered so the new environment appears in the
 * catalog. With `remoteUrl` the repository's main is also pushed to that
 * (empty) git remote: the first publish of an environment to a plain git
 * server, the local repository then being the catalog's mirror of it. For
 * GitHub, GitLab or Gitea use the upstream publish actions.
 */
export function createPublishLocalAction(options: {
  /** Folder the repositories live in; unset disables the action. */
  directory?: string;
  announce: AnnouncePublished;
  author?: CommitAuthor;
  /** Credentials for a `remoteUrl` (`gitAuthFor` of the root config). */
  gitAuth?: GitAuthLookup;
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
        remoteUrl: z =>
          z
            .string({
              description:
                'An HTTP(S) git clone URL to push main to (set as the repository’s origin)',
            })
            .regex(HTTP_URL, HTTP_URL_MESSAGE)
            .optional(),
        remoteBranch: z =>
          z
            .string({
              description: 'The remote branch main is pushed to (default main)',
            })
            .regex(BRANCH_NAME, BRANCH_NAME_MESSAGE)
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
      const remoteBranch = input.remoteBranch ?? 'main';
      const remoteUrl = input.remoteUrl ?? `file://${target}`;
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would commit ${source} to ${target}${
            input.remoteUrl
              ? ` and push main to ${remoteBranch} of ${input.remoteUrl}`
              : ''
          }`,
        );
        ctx.output('remoteUrl', remoteUrl);
        ctx.output('repoContentsUrl', target);
        ctx.output('commitHash', 'dry-run');
        ctx.output('created', false);
        return;
      }

      const existed = fs.existsSync(join(target, '.git'));
      await mkdir(target, { recursive: true });
      if (!existed) await git.init({ fs, dir: target, defaultBranch: 'main' });
      // The new content replaces the old: files the render no longer makes go.
      await replaceWorkTree(target, source);
      const changes = await workTreeChanges(target);
      for (const filepath of changes.changed) {
        await git.add({ fs, dir: target, filepath });
      }
      for (const filepath of changes.removed) {
        await git.remove({ fs, dir: target, filepath });
      }
      let commitHash: string;
      if (existed && changeCount(changes) === 0) {
        commitHash = await git.resolveRef({ fs, dir: target, ref: 'HEAD' });
        ctx.logger.info(`${input.repoName} is unchanged at ${commitHash}`);
      } else {
        commitHash = await git.commit({
          fs,
          dir: target,
          message:
            input.commitMessage ??
            (existed ? 'Update the environment' : 'Initial environment'),
          author: commitAuthor(ctx, {}, options.author),
        });
        ctx.logger.info(
          `${existed ? 'Committed' : 'Created'} ${
            input.repoName
          } at ${commitHash} (${changeCount(changes)} file change(s))`,
        );
      }

      // Before the catalog hears of it: an environment whose remote refused
      // the push is not announced (a retry commits nothing and pushes again).
      if (input.remoteUrl) {
        await pushToRemote({
          dir: target,
          remoteUrl: input.remoteUrl,
          remoteBranch,
          auth: options.gitAuth?.(input.remoteUrl),
          logger: ctx.logger,
        });
      }

      let entityRef: string | undefined;
      if (input.register !== false && fs.existsSync(catalogInfo)) {
        const refs = declaredEntityRefs(fs.readFileSync(catalogInfo, 'utf8'));
        entityRef = refs.find(ref => ref.startsWith('resource:')) ?? refs[0];
        await options.announce({ repository: target, commitHash });
        ctx.logger.info(`The catalog reads ${catalogInfo}: ${refs.join(', ')}`);
      }
      ctx.output('remoteUrl', remoteUrl);
      ctx.output('repoContentsUrl', target);
      ctx.output('commitHash', commitHash);
      ctx.output('created', !existed);
      if (entityRef) ctx.output('entityRef', entityRef);
    },
  });
}
