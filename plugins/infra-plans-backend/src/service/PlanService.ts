import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  diffPlans,
  generateDocuments,
  INFRA_PLAN_ANNOTATION,
  parsePlan,
  PlanDiff,
  PlanDocumentName,
  PlanRevision,
  PlanView,
  renderTopologyDiagram,
  ValidationResult,
} from '@gatehouse/plugin-infra-plans-common';
import { createHash } from 'node:crypto';
import type {
  PlanRevisionStore,
  StoredPlanRevision,
} from '../store/PlanRevisionStore';
import {
  describeLocation,
  locatePlan,
  PlanSourceReader,
} from '../source/PlanSourceReader';
import type { Clock } from '@gatehouse/clock';

/** A plan that does not validate; answered with 400 and its located issues. */
export class InvalidPlanError extends InputError {
  constructor(readonly result: ValidationResult) {
    super(
      `The plan has ${result.errorCount} error(s): ${result.issues
        .filter(issue => issue.severity === 'error')
        .slice(0, 3)
        .map(issue => `${issue.path}: ${issue.problem}`)
        .join('; ')}`,
    );
  }
}

export const contentHash = (text: string) =>
  createHash('sha256').update(text).digest('hex');

type SyncState = { checkedAt: number; error?: string; pending?: Promise<void> };

/**
 * A service's plan and its revisions. The repository's `infra-plan.yaml`
 * (found through the entity's annotation) is read again when the last read is
 * older than `refreshAfterMs`, and a changed text becomes a new revision;
 * people may also save revisions from the editor.
 */
export class PlanService {
  private readonly syncs = new Map<string, SyncState>();
  private readonly parsed = new Map<string, ValidationResult>();

  constructor(
    private readonly deps: {
      store: PlanRevisionStore;
      reader: PlanSourceReader;
      catalog: CatalogService;
      logger: LoggerService;
      refreshAfterMs: number;
      /** The date plans are validated on (support calendars depend on it). */
      clock: Clock;
      now?: () => number;
    },
  ) {}

  /**
   * Parses and validates plan text on the clock's date, remembering recent
   * results by content and day.
   */
  validate(yaml: string): ValidationResult {
    const asOf = this.deps.clock.now();
    const key = `${contentHash(yaml)}@${asOf.toISOString().slice(0, 10)}`;
    let result = this.parsed.get(key);
    if (!result) {
      result = parsePlan(yaml, { asOf });
      if (this.parsed.size > 200) this.parsed.clear();
      this.parsed.set(key, result);
    }
    return result;
  }

  async view(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<PlanView> {
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}`);
    const ref = stringifyEntityRef(entity);
    let source: PlanView['source'];
    let sourceError: string | undefined;
    try {
      const location = locatePlan(entity);
      if (location) {
        source = {
          annotation: entity.metadata.annotations![INFRA_PLAN_ANNOTATION],
          location: describeLocation(location),
        };
        sourceError = await this.syncFromSource(ref, () =>
          this.deps.reader.read(location),
        ).then(() => this.syncs.get(ref)?.error);
      }
    } catch (error) {
      sourceError = (error as Error).message;
    }
    const latest = await this.deps.store.latest(ref);
    if (!latest) {
      throw new NotFoundError(
        sourceError
          ? `${ref} has no plan yet: ${sourceError}`
          : `${ref} has no infrastructure plan (annotate it with ${INFRA_PLAN_ANNOTATION})`,
      );
    }
    return {
      entityRef: ref,
      source: source
        ? { ...source, location: source.location.replace(/^url:/, '') }
        : undefined,
      sourceError,
      latest: this.withParse(latest),
      revisionCount: await this.deps.store.count(ref),
    };
  }

  /** Reads the repository's plan at most once per refresh interval, one read at a time. */
  private async syncFromSource(
    ref: string,
    read: () => Promise<string>,
  ): Promise<void> {
    const now = (this.deps.now ?? Date.now)();
    const state = this.syncs.get(ref);
    if (state?.pending) return state.pending;
    if (state && now - state.checkedAt < this.deps.refreshAfterMs) {
      return undefined;
    }
    const next: SyncState = { checkedAt: now };
    next.pending = (async () => {
      try {
        const yaml = await read();
        const result = this.validate(yaml);
        const { created, revision } = await this.deps.store.append(
          {
            entityRef: ref,
            contentHash: contentHash(yaml),
            source: 'repository',
            yaml,
            valid: result.valid,
            errorCount: result.errorCount,
            warningCount: result.warningCount,
          },
          { unlessLatestHashOf: 'repository' },
        );
        if (created) {
          this.deps.logger.info(
            `Plan of ${ref} changed in its repository: revision ${revision.revision}`,
          );
        }
      } catch (error) {
        next.error = `The plan could not be read from its repository: ${
          (error as Error).message
        }`;
      } finally {
        next.pending = undefined;
      }
    })();
    this.syncs.set(ref, next);
    return next.pending;
  }

  async revisions(entityRef: string) {
    return { items: await this.deps.store.list(entityRef) };
  }

  async revision(entityRef: string, revision: number): Promise<PlanRevision> {
    return this.withParse(await this.mustGet(entityRef, revision));
  }

  async save(input: {
    entityRef: string;
    yaml: string;
    message?: string;
    author: string;
    source?: 'editor' | 'template';
  }): Promise<PlanRevision> {
    const result = this.validate(input.yaml);
    if (!result.valid) throw new InvalidPlanError(result);
    const { revision } = await this.deps.store.append({
      entityRef: input.entityRef,
      contentHash: contentHash(input.yaml),
      source: input.source ?? 'editor',
      author: input.author,
      message: input.message,
      yaml: input.yaml,
      valid: result.valid,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
    });
    return this.withParse(revision);
  }

  async diff(entityRef: string, from: number, to?: number): Promise<PlanDiff> {
    const after = to
      ? await this.mustGet(entityRef, to)
      : await this.deps.store.latest(entityRef);
    if (!after) throw new NotFoundError(`${entityRef} has no plan revisions`);
    const before = await this.mustGet(entityRef, from);
    const beforePlan = this.validate(before.yaml).plan;
    const afterPlan = this.validate(after.yaml).plan;
    if (!beforePlan || !afterPlan) {
      throw new InputError(
        `Revision ${
          beforePlan ? after.revision : before.revision
        } does not match the plan schema, so it cannot be compared`,
      );
    }
    return {
      entityRef,
      from: before.revision,
      to: after.revision,
      changes: diffPlans(beforePlan, afterPlan),
    };
  }

  async document(input: {
    entityRef: string;
    document: PlanDocumentName;
    revision?: number;
    environment?: string;
  }): Promise<string> {
    const stored = input.revision
      ? await this.mustGet(input.entityRef, input.revision)
      : await this.deps.store.latest(input.entityRef);
    if (!stored) throw new NotFoundError(`${input.entityRef} has no plan`);
    const plan = this.validate(stored.yaml).plan;
    if (!plan) {
      throw new InputError(
        `Revision ${stored.revision} does not match the plan schema; fix it before rendering documents`,
      );
    }
    if (input.document === 'topology.mmd') {
      if (input.environment && !plan.spec.environments[input.environment]) {
        throw new InputError(
          `The plan has no environment "${
            input.environment
          }"; it has ${Object.keys(plan.spec.environments).join(', ')}`,
        );
      }
      return renderTopologyDiagram(plan, { environment: input.environment });
    }
    return generateDocuments(plan)[input.document];
  }

  private async mustGet(
    entityRef: string,
    revision: number,
  ): Promise<StoredPlanRevision> {
    const stored = await this.deps.store.get(entityRef, revision);
    if (!stored) {
      throw new NotFoundError(`${entityRef} has no plan revision ${revision}`);
    }
    return stored;
  }

  private withParse(stored: StoredPlanRevision): PlanRevision {
    const result = this.validate(stored.yaml);
    return { ...stored, issues: result.issues, plan: result.plan };
  }
}
