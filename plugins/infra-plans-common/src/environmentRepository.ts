/**
 * Where an environment's repository lives, as recorded on its catalog entity
 * when it is published: the change templates propose changes there, and the
 * approvals backend watches its target branch for what was merged.
 *
 * The annotation is `gatehouse.io/repository: <kind>:<location>`, with the
 * target branch in `gatehouse.io/repository-branch` (default `main`):
 *
 * - `local:<name>`: a repository of the embedded local publisher
 *   (`gatehouse.environments.localPublisher.directory`);
 * - `git:<clone URL>`: any git remote reached over HTTP(S);
 * - `github:<repoUrl>`, `gitlab:<repoUrl>`, `gitea:<repoUrl>`: a forge
 *   repository in the scaffolder's `host?owner=…&repo=…` form.
 */

/** @public */
export const REPOSITORY_ANNOTATION = 'gatehouse.io/repository';
/** @public */
export const REPOSITORY_BRANCH_ANNOTATION = 'gatehouse.io/repository-branch';

/** @public */
export const REPOSITORY_KINDS = [
  'local',
  'git',
  'github',
  'gitlab',
  'gitea',
] as const;

/** @public */
export type RepositoryKind = (typeof REPOSITORY_KINDS)[number];

/** @public */
export type EnvironmentRepository = {
  kind: RepositoryKind;
  /** The local repository's name, a clone URL, or a forge repoUrl. */
  location: string;
  /** The branch changes are merged into. */
  branch: string;
};

const DEFAULT_BRANCH = 'main';

/** The annotations that record a repository on an entity. @public */
export function repositoryAnnotations(
  repository: EnvironmentRepository,
): Record<string, string> {
  return {
    [REPOSITORY_ANNOTATION]: `${repository.kind}:${repository.location}`,
    [REPOSITORY_BRANCH_ANNOTATION]: repository.branch,
  };
}

/**
 * The repository an entity's annotations record, or undefined when they
 * record none; throws for an annotation that is there but malformed, so a
 * typo is reported rather than silently treated as "no repository".
 *
 * @public
 */
export function repositoryOfEntity(
  annotations: Record<string, string> | undefined,
): EnvironmentRepository | undefined {
  const value = annotations?.[REPOSITORY_ANNOTATION];
  if (!value) return undefined;
  const separator = value.indexOf(':');
  const kind = value.slice(0, separator) as RepositoryKind;
  const location = value.slice(separator + 1).trim();
  if (separator < 1 || !REPOSITORY_KINDS.includes(kind) || !location) {
    throw new Error(
      `${REPOSITORY_ANNOTATION} must be <kind>:<location> with kind one of ${REPOSITORY_KINDS.join(
        ', ',
      )}; got "${value}"`,
    );
  }
  return {
    kind,
    location,
    branch: annotations?.[REPOSITORY_BRANCH_ANNOTATION] || DEFAULT_BRANCH,
  };
}

/** host, owner and repo of a scaffolder repoUrl (`host?owner=o&repo=r`). @public */
export function parseForgeRepoUrl(repoUrl: string): {
  host: string;
  owner: string;
  repo: string;
} {
  const [host, query = ''] = repoUrl.split('?');
  const params = new URLSearchParams(query);
  const owner = params.get('owner') ?? '';
  const repo = params.get('repo') ?? '';
  if (!host || !owner || !repo) {
    throw new Error(
      `A forge repository must be given as host?owner=<owner>&repo=<repo>; got "${repoUrl}"`,
    );
  }
  return { host, owner, repo };
}

/**
 * The URL people open to see the repository, or undefined for a local
 * repository (it has no web page; the entity links to its catalog page).
 *
 * @public
 */
export function repositoryWebUrl(
  repository: EnvironmentRepository,
): string | undefined {
  switch (repository.kind) {
    case 'local':
      return undefined;
    case 'git':
      return repository.location.replace(/\.git$/, '');
    default: {
      const { host, owner, repo } = parseForgeRepoUrl(repository.location);
      return `https://${host}/${owner}/${repo}`;
    }
  }
}

/** The HTTP(S) URL git clones and fetches the repository from (not for local ones). @public */
export function repositoryCloneUrl(
  repository: EnvironmentRepository,
): string | undefined {
  if (repository.kind === 'local') return undefined;
  if (repository.kind === 'git') return repository.location;
  const { host, owner, repo } = parseForgeRepoUrl(repository.location);
  return `https://${host}/${owner}/${repo}.git`;
}

/**
 * The trailer keys every Gatehouse commit carries, naming the change request
 * and the content hash of the approved revision.
 *
 * @public
 */
export const CHANGE_TRAILER = 'Gatehouse-Change';
/** @public */
export const HASH_TRAILER = 'Gatehouse-Hash';

/** A commit message with the change's trailers after a blank line. @public */
export function withChangeTrailers(
  message: string,
  change: { requestId: string; contentHash: string },
): string {
  return `${message.trimEnd()}\n\n${CHANGE_TRAILER}: ${
    change.requestId
  }\n${HASH_TRAILER}: ${change.contentHash}\n`;
}

/**
 * Every change a commit message names in its trailers. A squash merge keeps
 * the messages of the commits it squashes, so one commit may carry several;
 * a hash is paired with the change trailer before it.
 *
 * @public
 */
export function changeTrailersOf(
  message: string,
): Array<{ requestId: string; contentHash?: string }> {
  const found: Array<{ requestId: string; contentHash?: string }> = [];
  for (const line of message.split(/\r?\n/)) {
    const match = /^\s*(Gatehouse-Change|Gatehouse-Hash)\s*:\s*(\S+)\s*$/i.exec(
      line,
    );
    if (!match) continue;
    if (match[1].toLowerCase() === CHANGE_TRAILER.toLowerCase()) {
      found.push({ requestId: match[2] });
    } else if (found.length && !found[found.length - 1].contentHash) {
      found[found.length - 1].contentHash = match[2].toLowerCase();
    }
  }
  return found;
}
