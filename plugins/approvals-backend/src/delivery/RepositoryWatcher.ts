import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  parseEntityRef,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Clock } from '@gatehouse/clock';
import {
  EnvironmentRepository,
  REPOSITORY_ANNOTATION,
  repositoryCloneUrl,
  repositoryOfEntity,
  repositoryWebUrl,
} from '@gatehouse/plugin-infra-plans-common';
import { dirname, relative, resolve, sep } from 'node:path';
import type { ApprovalNotifier } from '../service/ApprovalNotifier';
import type { ApprovalsStore } from '../store/ApprovalsStore';
import { DeliveryService, REPOSITORY_WATCHER } from './DeliveryService';
import type { BranchCommit, BranchReader } from './git/BranchReader';
import { judgeCommit } from './judgeCommit';
import type { RepositoryWatchStore } from './RepositoryWatchStore';

/** An environment entity and the repository it records. */
type WatchedEnvironment = {
  entity: Entity;
  entityRef: string;
  repository: EnvironmentRepository;
  key: string;
};

/** How a repository is named in alerts and the watch table. */
export function repositoryKey(repository: EnvironmentRepository): string {
  return `${repository.kind}:${repository.location}#${repository.branch}`;
}

/** The service Component an environment belongs to (the catalog relates them both ways). */
function serviceOf(entity: Entity): string | null {
  return (
    entity.relations?.find(
      r => r.type === 'dependencyOf' && r.targetRef.startsWith('component:'),
    )?.targetRef ?? null
  );
}

/** The catalog page of an entity; a service's Changes tab lists unapproved changes. */
function entityPage(ref: string, changesTab: boolean): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase('en-US')}/${name}${
    changesTab ? '/changes' : ''
  }`;
}

/** A clone URL compared loosely: scheme, case of the host, `.git` and `/` aside. */
export function sameRemote(a: string, b: string): boolean {
  const norm = (url: string) => {
    try {
      const u = new URL(url);
      return `${u.host.toLowerCase()}${u.pathname
        .replace(/\/+$/, '')
        .replace(/\.git$/, '')}`;
    } catch {
      return url;
    }
  };
  return norm(a) === norm(b);
}

/**
 * Watches the target branch of every environment repository the catalog
 * records (`gatehouse.io/repository`): a commit that delivers an approved
 * change moves that change to "merged"; a commit that delivers none raises an
 * unapproved-change alert, told to the environment's owner and the platform
 * approvers. Commits already on a branch when it is first read are its
 * baseline: they are searched for merged changes but never alerted.
 */
export class RepositoryWatcher {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      approvals: Pick<ApprovalsStore, 'getRequest'>;
      delivery: Pick<DeliveryService, 'report'>;
      watches: RepositoryWatchStore;
      reader: BranchReader;
      notifier: Pick<ApprovalNotifier, 'unapprovedChange'>;
      clock: Clock;
      logger: LoggerService;
      /** Told of every unapproved change besides the owner. */
      alertGroups: string[];
      /** The local publisher's folder: environments registered from it are mirrors. */
      localDirectory?: string;
    },
  ) {}

  /** Reads every watched repository; one that fails is recorded and the rest go on. */
  async checkAll(): Promise<void> {
    for (const environment of await this.environments()) {
      await this.check(environment);
    }
  }

  /** Reads the repositories whose clone URL is this one (a webhook's); answers their keys. */
  async checkRemote(cloneUrl: string): Promise<string[]> {
    const matching = (await this.environments()).filter(env => {
      const url = repositoryCloneUrl(env.repository);
      const web = repositoryWebUrl(env.repository);
      return (
        (url && sameRemote(url, cloneUrl)) || (web && sameRemote(web, cloneUrl))
      );
    });
    for (const environment of matching) await this.check(environment);
    return matching.map(env => env.key);
  }

  private async environments(): Promise<WatchedEnvironment[]> {
    const { items } = await this.deps.catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          'spec.type': 'environment',
          [`metadata.annotations.${REPOSITORY_ANNOTATION}`]:
            CATALOG_FILTER_EXISTS,
        },
      },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    const found: WatchedEnvironment[] = [];
    for (const entity of items) {
      const entityRef = stringifyEntityRef(entity);
      try {
        const repository = repositoryOfEntity(entity.metadata.annotations)!;
        found.push({
          entity,
          entityRef,
          repository,
          key: repositoryKey(repository),
        });
      } catch (error) {
        this.deps.logger.warn(`${entityRef}: ${(error as Error).message}`);
      }
    }
    return found;
  }

  private async check(env: WatchedEnvironment): Promise<void> {
    const { watches, clock } = this.deps;
    const watch = await watches.getWatch(env.key);
    const checkedAt = clock.now().toISOString();
    try {
      const read = await this.deps.reader.read(
        { repository: env.repository, mirrorDir: this.mirrorOf(env) },
        watch?.lastHead ?? null,
      );
      const baseline = !watch?.lastHead;
      for (const commit of read.commits) {
        await this.judge(env, commit, baseline);
      }
      if (read.truncated) {
        this.deps.logger.warn(
          `${env.key}: more commits arrived than one read takes; the oldest were not judged`,
        );
      }
      await watches.saveWatch({
        repositoryKey: env.key,
        entityRef: env.entityRef,
        lastHead: read.head,
        checkedAt,
        error: null,
      });
    } catch (error) {
      const message = (error as Error).message;
      this.deps.logger.warn(`Could not read ${env.key}: ${message}`);
      await watches.saveWatch({
        repositoryKey: env.key,
        entityRef: env.entityRef,
        lastHead: watch?.lastHead ?? null,
        checkedAt,
        error: message,
      });
    }
  }

  private async judge(
    env: WatchedEnvironment,
    commit: BranchCommit,
    baseline: boolean,
  ) {
    const environment =
      env.entity.metadata.annotations?.['gatehouse.io/environment'] ?? '';
    const verdict = await judgeCommit(commit, environment, id =>
      this.deps.approvals.getRequest(id),
    );
    if (verdict.approved) {
      for (const request of verdict.requests) {
        await this.deps.delivery.report(
          request.id,
          {
            step: 'merged',
            contentHash: request.contentHash,
            commit: commit.oid,
            detail: `on ${env.repository.branch} of ${env.key.split('#')[0]}`,
          },
          REPOSITORY_WATCHER,
          // The pipeline may have reported "applied" before the watcher looked.
          { quietIfBehind: true },
        );
      }
      return;
    }
    if (baseline) return;
    const serviceRef = serviceOf(env.entity);
    const stored = await this.deps.watches.addUnapproved({
      entityRef: env.entityRef,
      serviceRef,
      repository: env.key.split('#')[0],
      branch: env.repository.branch,
      commit: commit.oid,
      author: commit.author,
      summary: commit.message.split('\n')[0].slice(0, 300),
      committedAt: commit.committedAt,
      detectedAt: this.deps.clock.now().toISOString(),
      reason: verdict.reason,
      requestId: verdict.requestId,
    });
    if (!stored) return;
    this.deps.logger.warn(
      `Unapproved change on ${env.entityRef}: ${commit.oid} (${verdict.reason})`,
    );
    const owner = env.entity.spec?.owner as string | undefined;
    const recipients = [
      ...(owner
        ? [owner.includes(':') ? owner : `group:default/${owner}`]
        : []),
      ...this.deps.alertGroups,
    ];
    await this.deps.notifier.unapprovedChange(
      stored,
      [...new Set(recipients)],
      entityPage(
        serviceRef ? `${serviceRef}` : env.entityRef,
        Boolean(serviceRef),
      ),
    );
  }

  /** The local repository an environment was registered from, when it is a mirror of a remote. */
  private mirrorOf(env: WatchedEnvironment): string | undefined {
    if (env.repository.kind === 'local' || !this.deps.localDirectory) {
      return undefined;
    }
    const location = env.entity.metadata.annotations?.[ANNOTATION_LOCATION];
    if (!location) return undefined;
    const { type, target } = parseLocationRef(location);
    if (type !== 'file') return undefined;
    const root = resolve(this.deps.localDirectory);
    const folder = dirname(resolve(target));
    const inside = relative(root, folder);
    return inside && !inside.startsWith('..') && !inside.includes(sep)
      ? folder
      : undefined;
  }
}
