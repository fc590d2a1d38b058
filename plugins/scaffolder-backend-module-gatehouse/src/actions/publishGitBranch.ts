import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './publishGitBranch.examples';
import { commitAuthor, CommitAuthor } from './shared/commitAuthor';
import {
  BRANCH_NAME,
  BRANCH_NAME_MESSAGE,
  HTTP_URL,
  HTTP_URL_MESSAGE,
} from './shared/gitInputs';
import { GitAuthLookup, pushWorkspaceBranch } from './shared/workspaceBranch';

/**
 * The web address of a branch of a plain git remote. A plain git server has
 * no web page for a branch, so this is the clone URL with the branch as its
 * fragment: it names the branch unambiguously, and git ignores the fragment.
 */
export const plainBranchUrl = (remoteUrl: string, branchName: string) =>
  `${remoteUrl}#${branchName}`;

/**
 * `gatehouse:publish:git-branch`: proposes a change to an environment whose
 * repository is on a plain git server (no forge, so no pull request): the
 * workspace becomes one commit on a new branch made from the target branch,
 * pushed there for people to review and merge.
 */
export function createPublishGitBranchAction(options: {
  /** Credentials for a clone URL (`gitAuthFor` of the root config). */
  gitAuth: GitAuthLookup;
  /** The author when neither the step nor the user's profile names one. */
  author?: CommitAuthor;
}) {
  return createTemplateAction({
    id: 'gatehouse:publish:git-branch',
    description:
      "Pushes the workspace as one commit on a new branch of a git remote (made from the target branch; files the workspace lacks are deleted on the branch), for people to review and merge. Credentials: the forge integrations' or gatehouse.environments.gitRemotes.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        remoteUrl: z =>
          z
            .string({ description: 'The repository’s HTTP(S) clone URL' })
            .regex(HTTP_URL, HTTP_URL_MESSAGE),
        targetBranch: z =>
          z
            .string({
              description:
                'The branch the new branch starts from and is to be merged into (default main)',
            })
            .regex(BRANCH_NAME, BRANCH_NAME_MESSAGE)
            .optional(),
        branchName: z =>
          z
            .string({ description: 'The new branch' })
            .regex(BRANCH_NAME, BRANCH_NAME_MESSAGE),
        commitMessage: z =>
          z
            .string({
              description:
                'Used as given: include the Gatehouse-Change and Gatehouse-Hash trailers',
            })
            .min(1),
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
        branchName: z => z.string(),
        commitHash: z => z.string({ description: '`dry-run` in a dry run' }),
        remoteUrl: z => z.string(),
        branchUrl: z =>
          z.string({
            description:
              'The remote URL with the branch as its fragment (a plain git server has no branch page)',
          }),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const targetBranch = input.targetBranch ?? 'main';
      const sourceDir = resolveSafeChildPath(
        ctx.workspacePath,
        input.sourcePath ?? '.',
      );
      const outputBranch = (commitHash: string) => {
        ctx.output('branchName', input.branchName);
        ctx.output('commitHash', commitHash);
        ctx.output('remoteUrl', input.remoteUrl);
        ctx.output(
          'branchUrl',
          plainBranchUrl(input.remoteUrl, input.branchName),
        );
      };
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would clone ${targetBranch} of ${
            input.remoteUrl
          }, make branch ${
            input.branchName
          } from it with the files of ${sourceDir}, commit them as "${
            input.commitMessage.split('\n')[0]
          }" and push the branch`,
        );
        outputBranch('dry-run');
        return;
      }
      const { commitHash } = await pushWorkspaceBranch({
        cloneUrl: input.remoteUrl,
        auth: options.gitAuth(input.remoteUrl),
        targetBranch,
        branchName: input.branchName,
        sourceDir,
        commitMessage: input.commitMessage,
        author: commitAuthor(
          ctx,
          { name: input.gitAuthorName, email: input.gitAuthorEmail },
          options.author,
        ),
        cloneDir: await ctx.createTemporaryDirectory(),
        logger: ctx.logger,
      });
      outputBranch(commitHash);
    },
  });
}
