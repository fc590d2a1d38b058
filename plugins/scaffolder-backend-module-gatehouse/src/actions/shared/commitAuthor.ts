import type { ActionContext } from '@backstage/plugin-scaffolder-node';

/** Who a publisher's commit is by. */
export type CommitAuthor = { name: string; email: string };

export const DEFAULT_AUTHOR: CommitAuthor = {
  name: 'Gatehouse',
  email: 'gatehouse@example.com',
};

/**
 * The author of a commit a template's user asked for: the names the step
 * gives, else the user's catalog profile when it has an email, else the
 * fallback (the publisher's configured author or {@link DEFAULT_AUTHOR}).
 */
export function commitAuthor(
  ctx: Pick<ActionContext<any, any>, 'user'>,
  given: { name?: string; email?: string } = {},
  fallback: CommitAuthor = DEFAULT_AUTHOR,
): CommitAuthor {
  const profile = ctx.user?.entity?.spec?.profile as
    | { displayName?: string; email?: string }
    | undefined;
  const fromProfile = profile?.email
    ? { name: profile.displayName ?? profile.email, email: profile.email }
    : undefined;
  const base = fromProfile ?? fallback;
  return { name: given.name ?? base.name, email: given.email ?? base.email };
}
