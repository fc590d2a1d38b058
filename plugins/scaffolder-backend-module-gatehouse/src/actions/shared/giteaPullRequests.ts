import type { GitAuth } from '@gatehouse/plugin-infra-plans-node';

/*
 * The two calls of Gitea's REST API (/api/v1, see its swagger) the pull
 * request action makes: create a pull request, and, when Gitea answers that
 * one already exists for the branch (409), find that open pull request.
 */

export type GiteaRepository = {
  /** The integration's baseUrl, e.g. https://gitea.example.com */
  baseUrl: string;
  owner: string;
  repo: string;
  auth: GitAuth;
};

export type GiteaPullRequest = {
  number: number;
  htmlUrl: string;
  /** false: Gitea already had an open pull request for the branch. */
  created: boolean;
};

/** Gitea's PullRequest, the fields read here. */
type PullRequestAnswer = {
  number: number;
  html_url: string;
  head?: { ref?: string };
  base?: { ref?: string };
};

/** Gitea's page size maximum (its default is 30). */
const PAGE_SIZE = 50;

function repoApiUrl(repository: GiteaRepository, path: string) {
  const { baseUrl, owner, repo } = repository;
  return `${baseUrl.replace(/\/+$/, '')}/api/v1/repos/${encodeURIComponent(
    owner,
  )}/${encodeURIComponent(repo)}${path}`;
}

function headers(auth: GitAuth): Record<string, string> {
  const basic = Buffer.from(`${auth.username}:${auth.password}`).toString(
    'base64',
  );
  return {
    authorization: `Basic ${basic}`,
    accept: 'application/json',
    'content-type': 'application/json',
  };
}

/** Gitea's error message ({ message } as its APIError), else the text. */
async function failure(response: Response, what: string): Promise<Error> {
  const text = await response.text();
  let message = text;
  try {
    message = (JSON.parse(text) as { message?: string }).message ?? text;
  } catch {
    // Not JSON: the text as it is.
  }
  return new Error(
    `${what} failed: Gitea answered ${response.status} ${response.statusText}: ${message}`,
  );
}

async function findOpenPullRequest(
  repository: GiteaRepository,
  head: string,
  base: string,
): Promise<PullRequestAnswer | undefined> {
  for (let page = 1; ; page++) {
    const response = await fetch(
      repoApiUrl(
        repository,
        `/pulls?state=open&page=${page}&limit=${PAGE_SIZE}`,
      ),
      { headers: headers(repository.auth) },
    );
    if (!response.ok) {
      throw await failure(response, 'Listing the open pull requests');
    }
    const pulls = (await response.json()) as PullRequestAnswer[];
    const found = pulls.find(p => p.head?.ref === head && p.base?.ref === base);
    if (found || pulls.length < PAGE_SIZE) return found;
  }
}

/**
 * Opens a pull request from `head` into `base`, or returns the open one
 * Gitea already has for them (it allows one per head and base).
 */
export async function openGiteaPullRequest(
  repository: GiteaRepository,
  pull: { head: string; base: string; title: string; body: string },
): Promise<GiteaPullRequest> {
  const response = await fetch(repoApiUrl(repository, '/pulls'), {
    method: 'POST',
    headers: headers(repository.auth),
    body: JSON.stringify({
      head: pull.head,
      base: pull.base,
      title: pull.title,
      body: pull.body,
    }),
  });
  if (response.status === 409) {
    const existing = await findOpenPullRequest(
      repository,
      pull.head,
      pull.base,
    );
    if (!existing) {
      throw await failure(
        response,
        `Opening a pull request from ${pull.head} into ${pull.base} (Gitea says one exists, but no open one was found)`,
      );
    }
    return {
      number: existing.number,
      htmlUrl: existing.html_url,
      created: false,
    };
  }
  if (!response.ok) {
    throw await failure(
      response,
      `Opening a pull request from ${pull.head} into ${pull.base}`,
    );
  }
  const created = (await response.json()) as PullRequestAnswer;
  return { number: created.number, htmlUrl: created.html_url, created: true };
}
