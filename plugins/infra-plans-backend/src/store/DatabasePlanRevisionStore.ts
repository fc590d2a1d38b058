import {
  migratedClient,
  requiredIsoTimestamp,
} from '@gatehouse/backend-database';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  PlanRevisionSummary,
  RevisionSource,
} from '@gatehouse/plugin-infra-plans-common';
import { Knex } from 'knex';
import type {
  NewPlanRevision,
  PlanRevisionStore,
  StoredPlanRevision,
} from './PlanRevisionStore';

const migrationsDir = resolvePackagePath(
  '@gatehouse/plugin-infra-plans-backend',
  'migrations',
);

const TABLE = 'infra_plan_revisions';
const SUMMARY_COLUMNS = [
  'entity_ref',
  'revision',
  'content_hash',
  'source',
  'location',
  'author',
  'message',
  'valid',
  'error_count',
  'warning_count',
  'created_at',
];

/** Concurrent appends race for the next number; the loser retries this often. */
const APPEND_ATTEMPTS = 20;

function toSummary(row: any): PlanRevisionSummary {
  return {
    entityRef: row.entity_ref,
    revision: Number(row.revision),
    contentHash: row.content_hash,
    source: row.source as RevisionSource,
    location: row.location ?? undefined,
    author: row.author ?? undefined,
    message: row.message ?? undefined,
    createdAt: requiredIsoTimestamp(row.created_at),
    valid: Boolean(row.valid),
    errorCount: Number(row.error_count),
    warningCount: Number(row.warning_count),
  };
}

function toStored(row: any): StoredPlanRevision {
  return { ...toSummary(row), yaml: row.yaml };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e.code === '23505' || // PostgreSQL
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed|duplicate key/i.test(e.message ?? '')
  );
}

/** The plan revisions in the plugin's database (SQLite or PostgreSQL). */
export class DatabasePlanRevisionStore implements PlanRevisionStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabasePlanRevisionStore> {
    return new DatabasePlanRevisionStore(
      await migratedClient(options.database, migrationsDir),
    );
  }

  constructor(private readonly knex: Knex) {}

  async append(
    input: NewPlanRevision,
    options?: { unlessLatestHashOf?: RevisionSource },
  ) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.knex.transaction(async tx => {
          if (options?.unlessLatestHashOf) {
            const same = await tx(TABLE)
              .where({
                entity_ref: input.entityRef,
                source: options.unlessLatestHashOf,
              })
              .orderBy('revision', 'desc')
              .first();
            if (same && same.content_hash === input.contentHash) {
              return { revision: toStored(same), created: false };
            }
          }
          const top = await tx(TABLE)
            .where({ entity_ref: input.entityRef })
            .max({ revision: 'revision' })
            .first();
          const row = {
            entity_ref: input.entityRef,
            revision: Number(top?.revision ?? 0) + 1,
            content_hash: input.contentHash,
            source: input.source,
            location: input.location ?? null,
            author: input.author ?? null,
            message: input.message ?? null,
            yaml: input.yaml,
            valid: input.valid,
            error_count: input.errorCount,
            warning_count: input.warningCount,
            created_at: new Date(),
          };
          await tx(TABLE).insert(row);
          return { revision: toStored(row), created: true };
        });
      } catch (error) {
        // Another writer took the number: count again.
        if (!isUniqueViolation(error) || attempt >= APPEND_ATTEMPTS)
          throw error;
      }
    }
  }

  async latest(entityRef: string) {
    const row = await this.knex(TABLE)
      .where({ entity_ref: entityRef })
      .orderBy('revision', 'desc')
      .first();
    return row ? toStored(row) : undefined;
  }

  async get(entityRef: string, revision: number) {
    const row = await this.knex(TABLE)
      .where({ entity_ref: entityRef, revision })
      .first();
    return row ? toStored(row) : undefined;
  }

  async list(entityRef: string, limit = 200) {
    const rows = await this.knex(TABLE)
      .select(SUMMARY_COLUMNS)
      .where({ entity_ref: entityRef })
      .orderBy('revision', 'desc')
      .limit(limit);
    return rows.map(toSummary);
  }

  async count(entityRef: string) {
    const row = await this.knex(TABLE)
      .where({ entity_ref: entityRef })
      .count({ n: '*' })
      .first();
    return Number(row?.n ?? 0);
  }
}
