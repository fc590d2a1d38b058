import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseForgeRepoUrl } from '@gatehouse/plugin-infra-plans-common';
import { examples } from './publishGiteaPullRequest.examples';
import { commitAuthor, CommitAuthor } from './shared/commitAuthor';
import { BRANCH_NAME, BRANCH_NAME_MESSAGE } from './shared/gitInputs';
import { openGiteaPullRequest } from './shared/giteaPullRequests';
import { GitAuthLookup, pushWorkspaceBranch } from './shared/workspaceBranch';

/**
 * Where git clones a Gitea repository from: the integration's baseUrl (its
 * scheme and any path Gitea is served under) with the repository's host.
 * Gitea serves git and its API at the same address, so with the usual
 * configuration (host = baseUrl's host) this is `<baseUrl>/<owner>/<repo>.git`,
 * the URL upstream's publish:gitea pushes to. Taking the host from the
 * repoUrl also lets the API be reached at another address than git (a proxy
 * in front of the API only; the tests' recorded API next to a real git
 * server).
 */
export function giteaCloneUrl(
  gitea: { baseUrl: string; host: string },
  owner: string,
  repo: string,
): string {
  const base = new URL(gitea.baseUrl);
  const path = base.pathname.replace(/\/+$/, '');
  return `${base.protocol}//${gitea.host}${path}/${owner}/${repo}.git`;
}

/**
 * `gatehouse:publish:gitea:pull-request`: proposes a change to an
 * environment whose repository is on Gitea, which upstream has no pull
 * request action for. The branch is pushed exactly as
 * `gatehouse:publish:git-branch` pushes it, then a pull request is opened
 * with Gitea's REST API (or the open one for the branch is used).
 */
export function createPublishGiteaPullRequestAction(options: {
  integrations: ScmIntegrationRegistry;
  /** Credentials for the clone URL (`gitAuthFor` of the root config). */
  gitAuth: GitAuthLookup;
  author?: CommitAuthor;
}) {
  return createTemplateAction({
    id: 'gatehouse:publish:gitea:pull-request',
    description:
      'Pushes the workspace as one commit on a new branch of a Gitea repository (as gatehouse:publish:git-branch) and opens a pull request for it, with the integrations.gitea credentials of its host.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: z =>
          z.string({
            description:
              'The repository, as `host?owner=<owner>&repo=<repo>`; the host must have an integrations.gitea entry',
          }),
        branchName: z =>
          z
            .string({ description: 'The branch the pull request is from' })
            .regex(BRANCH_NAME, BRANCH_NAME_MESSAGE),
        targetBranch: z =>
          z
            .string({
              description:
                'The branch it starts from and is to be merged into (default main)',
            })
            .regex(BRANCH_NAME, BRANCH_NAME_MESSAGE)
            .optional(),
        title: z =>
          z.string({ description: 'The pull request’s title' }).min(1),
        description: z =>
          z
            .string({ description: 'The pull request’s body (Markdown)' })
            .optional(),
        commitMessage: z =>
          z
            .string({
              description:
                'Used as given (default the title): include the Gatehouse-Change and Gatehouse-Hash trailers',
            })
            .optional(),
        sourcePath: z =>
          z
            .string({
              description:
                'Folder of the workspace the branch gets (default the workspace)',
            })
            .optional(),
        gitAuthorName: z => z.string().optional(),
        gitAuthorEmail: z => z.string().optional(),
      },
      output: {
        pullRequestUrl: z => z.string(),
        pullRequestNumber: z => z.number({ description: '0 in a dry run' }),
        commitHash: z => z.string({ description: '`dry-run` in a dry run' }),
        branchName: z => z.string(),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      let repository: ReturnType<typeof parseForgeRepoUrl>;
      try {
        repository = parseForgeRepoUrl(input.repoUrl);
      } catch (error) {
        throw new InputError((error as Error).message);
      }
      const { host, owner, repo } = repository;
      const integration = options.integrations.gitea.byHost(host)?.config;
      if (!integration) {
        throw new InputError(
          `No integrations.gitea entry for ${host}: Gitea pull requests need its baseUrl, username and password`,
        );
      }
      const { username, password } = integration;
      if (!username || !password) {
        throw new InputError(
          `The integrations.gitea entry for ${host} needs a username and password to open pull requests`,
        );
      }
      // The integration always has one (https://<host> when not configured).
      const baseUrl = integration.baseUrl ?? `https://${host}`;
      const targetBranch = input.targetBranch ?? 'main';
      const cloneUrl = giteaCloneUrl({ baseUrl, host }, owner, repo);
      const sourceDir = resolveSafeChildPath(
        ctx.workspacePath,
        input.sourcePath ?? '.',
      );

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would push ${input.branchName} (from ${targetBranch}, with the files of ${sourceDir}) to ${cloneUrl} and open a pull request "${input.title}" on ${baseUrl}`,
        );
        ctx.output('pullRequestUrl', `${baseUrl}/${owner}/${repo}/pulls`);
        ctx.output('pullRequestNumber', 0);
        ctx.output('commitHash', 'dry-run');
        ctx.output('branchName', input.branchName);
        return;
      }

      const { commitHash } = await pushWorkspaceBranch({
        cloneUrl,
        auth: options.gitAuth(cloneUrl),
        targetBranch,
        branchName: input.branchName,
        sourceDir,
        commitMessage: input.commitMessage ?? input.title,
        author: commitAuthor(
          ctx,
          { name: input.gitAuthorName, email: input.gitAuthorEmail },
          options.author,
        ),
        cloneDir: await ctx.createTemporaryDirectory(),
        logger: ctx.logger,
      });
      const pullRequest = await openGiteaPullRequest(
        {
          baseUrl,
          owner,
          repo,
          auth: { username, password },
        },
        {
          head: input.branchName,
          base: targetBranch,
          title: input.title,
          body: input.description ?? '',
        },
      );
      ctx.logger.info(
        `${
          pullRequest.created ? 'Opened' : 'Gitea already had the open'
        } pull request #${pullRequest.number}: ${pullRequest.htmlUrl}`,
      );
      ctx.output('pullRequestUrl', pullRequest.htmlUrl);
      ctx.output('pullRequestNumber', pullRequest.number);
      ctx.output('commitHash', commitHash);
      ctx.output('branchName', input.branchName);
    },
  });
}
