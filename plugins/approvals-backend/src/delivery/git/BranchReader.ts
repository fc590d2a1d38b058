import type { Config } from '@backstage/config';
import {
  EnvironmentRepository,
  repositoryCloneUrl,
} from '@gatehouse/plugin-infra-plans-common';
import { gitAuthFor } from '@gatehouse/plugin-infra-plans-node';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';

/** A commit as the watcher judges it. */
export type BranchCommit = {
  oid: string;
  parents: string[];
  message: string;
  author: string;
  committedAt: string;
};

/** What is new on a branch since a head read before. */
export type BranchRead = {
  head: string;
  /** Reachable from head and not from the previous head, oldest first. */
  commits: BranchCommit[];
  /** The commits hit the walk's bound: older ones were not read. */
  truncated: boolean;
};

/** Where a repository's commits are read from. */
export type RepositoryPlace = {
  repository: EnvironmentRepository;
  /**
   * A local repository that mirrors the remote (an environment published to
   * a plain git server keeps its catalog copy in the local repositories):
   * fetched into, and its work tree moved to the fetched head so the catalog
   * reads what was merged.
   */
  mirrorDir?: string;
};

/** Reads what arrived on an environment repository's target branch. */
export interface BranchReader {
  read(place: RepositoryPlace, since: string | null): Promise<BranchRead>;
}

/** Beyond this many commits in one read the walk stops (and says so). */
const MAX_COMMITS = 500;

/**
 * Reads branches with isomorphic-git (the git implementation the scaffolder's
 * publishers use): local repositories in place, remotes fetched over HTTP(S)
 * into a cache folder, one per clone URL, with the credentials
 * `gitAuthFor` finds.
 */
export class GitBranchReader implements BranchReader {
  constructor(
    private readonly options: {
      config: Config;
      /** The local publisher's folder, for `local:` repositories. */
      localDirectory?: string;
      /** Where fetched remotes are kept between reads. */
      cacheDirectory: string;
    },
  ) {}

  async read(place: RepositoryPlace, since: string | null) {
    const { repository } = place;
    const dir = await this.fetched(place);
    const ref =
      repository.kind === 'local'
        ? `refs/heads/${repository.branch}`
        : `refs/remotes/origin/${repository.branch}`;
    const head = await git.resolveRef({ fs, dir, ref });
    if (place.mirrorDir) await this.moveWorkTree(dir, repository.branch, head);
    return { head, ...(await this.newCommits(dir, head, since)) };
  }

  private async fetched(place: RepositoryPlace): Promise<string> {
    const { repository } = place;
    if (repository.kind === 'local') {
      if (!this.options.localDirectory) {
        throw new Error(
          'local repositories are not configured (gatehouse.environments.localPublisher.directory)',
        );
      }
      return resolve(this.options.localDirectory, repository.location);
    }
    const url = repositoryCloneUrl(repository)!;
    const dir =
      place.mirrorDir ??
      join(
        this.options.cacheDirectory,
        createHash('sha256').update(url).digest('hex').slice(0, 24),
      );
    if (!fs.existsSync(join(dir, '.git'))) {
      await mkdir(dir, { recursive: true });
      await git.init({ fs, dir, defaultBranch: repository.branch });
    }
    // Also (re)writes the fetch refspec, so a mirror made elsewhere works too.
    await git.addRemote({ fs, dir, remote: 'origin', url, force: true });
    const auth = gitAuthFor(this.options.config, url);
    await git.fetch({
      fs,
      http,
      dir,
      url,
      remote: 'origin',
      ref: repository.branch,
      singleBranch: true,
      tags: false,
      onAuth: auth ? () => auth : undefined,
    });
    return dir;
  }

  /** The mirror's branch follows the remote, so the catalog reads what was merged. */
  private async moveWorkTree(dir: string, branch: string, head: string) {
    await git.writeRef({
      fs,
      dir,
      ref: `refs/heads/${branch}`,
      value: head,
      force: true,
    });
    await git.checkout({ fs, dir, ref: branch, force: true });
  }

  private async newCommits(dir: string, head: string, since: string | null) {
    const known = since ? await this.ancestors(dir, since) : new Set<string>();
    const seen = new Set<string>();
    const found: BranchCommit[] = [];
    const queue = [head];
    let truncated = false;
    while (queue.length) {
      const oid = queue.shift()!;
      if (seen.has(oid) || known.has(oid)) continue;
      if (found.length >= MAX_COMMITS) {
        truncated = true;
        break;
      }
      seen.add(oid);
      const { commit } = await git.readCommit({ fs, dir, oid });
      found.push({
        oid,
        parents: commit.parent,
        message: commit.message,
        author: `${commit.author.name} <${commit.author.email}>`,
        committedAt: new Date(commit.committer.timestamp * 1000).toISOString(),
      });
      queue.push(...commit.parent);
    }
    return { commits: found.reverse(), truncated };
  }

  /** The commits reachable from oid (bounded), or none when it is gone (a force push). */
  private async ancestors(dir: string, oid: string): Promise<Set<string>> {
    const found = new Set<string>();
    const queue = [oid];
    while (queue.length && found.size < MAX_COMMITS * 4) {
      const next = queue.shift()!;
      if (found.has(next)) continue;
      try {
        const { commit } = await git.readCommit({ fs, dir, oid: next });
        found.add(next);
        queue.push(...commit.parent);
      } catch {
        // Rewritten history: the old head is no longer there.
      }
    }
    return found;
  }
}
