/*
 * Daily aggregation of billing rows: the only form in which cost data is
 * stored. Raw rows are discarded after aggregation.
 *
 * Design decisions:
 *
 * - One aggregator per source file. Every aggregate carries the `sourceFile`
 *   it came from, so the store can replace a changed file's contribution
 *   (delete its aggregates, insert the new ones) and sums across files when
 *   answering queries. Re-ingesting a file therefore never double counts.
 *
 * - A row belongs to the UTC day of its ChargePeriodStart. Provider files use
 *   hourly or daily charge periods, which never cross midnight UTC. Rows that
 *   do span several days are the exception (monthly fees, one-time
 *   commitment purchases); they are not split: a one-time purchase is billed
 *   on the day it happens, and splitting monthly fees would need rounding
 *   that breaks exact file totals. They are counted (`multiDayRows`) so
 *   operators can see how much of a file this concerns.
 *
 * - Sums use compensated summation (see CompensatedSum for why not integers).
 */
import type { Attribution } from './attribution';
import { CompensatedSum } from './compensatedSum';
import type { FocusRow } from './focusRow';
import { dayNumberToIsoDate, detachedCopy, utcDayNumber } from './values';

/** What an aggregate is grouped by. */
export interface DailyAggregateKey {
  /** Identity of the file the rows came from (e.g. its location/path). */
  readonly sourceFile: string;
  /** UTC day of ChargePeriodStart, `YYYY-MM-DD`. */
  readonly day: string;
  readonly provider: string | null;
  /** null = unattributed spend. */
  readonly service: string | null;
  readonly team: string | null;
  readonly environment: string | null;
  readonly serviceCategory: string | null;
  readonly chargeCategory: string;
  readonly currency: string;
}

/** Sums for one key. Costs keep their sign (credits are negative). */
export interface DailyAggregate extends DailyAggregateKey {
  readonly billedCost: number;
  readonly effectiveCost: number;
  /** null when no row of the group had a ListCost. */
  readonly listCost: number | null;
  readonly rowCount: number;
}

/** The row fields aggregation needs. */
export type AggregatableRow = Pick<
  FocusRow,
  | 'chargePeriodStart'
  | 'chargePeriodEnd'
  | 'providerName'
  | 'serviceCategory'
  | 'chargeCategory'
  | 'billingCurrency'
  | 'billedCost'
  | 'effectiveCost'
  | 'listCost'
>;

interface Bucket {
  readonly dayNumber: number;
  readonly provider: string | null;
  readonly service: string | null;
  readonly team: string | null;
  readonly environment: string | null;
  readonly serviceCategory: string | null;
  readonly chargeCategory: string;
  readonly currency: string;
  readonly billedCost: CompensatedSum;
  readonly effectiveCost: CompensatedSum;
  readonly listCost: CompensatedSum;
  listCostRows: number;
  rowCount: number;
}

const MS_PER_DAY = 86_400_000;
// Separators that cannot occur in tag values or provider names read from CSV
// text in practice; null is encoded distinctly from the empty string.
const SEP = '\u0001';
const NULL_PART = '\u0000';

function kept(text: string | null): string | null {
  return text === null ? null : detachedCopy(text);
}

export class DailyAggregator {
  private readonly buckets = new Map<string, Bucket>();
  /** The bucket of the previous row: files list rows of one key together. */
  private lastBucket: Bucket | undefined;
  private multiDayRowCount = 0;
  private rowTotal = 0;

  constructor(private readonly options: { sourceFile: string }) {}

  /** Number of distinct aggregate keys so far. */
  get size(): number {
    return this.buckets.size;
  }

  /** Rows added so far. */
  get rowCount(): number {
    return this.rowTotal;
  }

  /** Rows whose charge period extends past the end of their start day. */
  get multiDayRows(): number {
    return this.multiDayRowCount;
  }

  add(row: AggregatableRow, attribution: Attribution): void {
    const dayNumber = utcDayNumber(row.chargePeriodStart);
    if (
      row.chargePeriodEnd !== null &&
      row.chargePeriodEnd > (dayNumber + 1) * MS_PER_DAY
    ) {
      this.multiDayRowCount++;
    }
    const service = attribution.service ?? null;
    const team = attribution.team ?? null;
    const environment = attribution.environment ?? null;
    let bucket = this.lastBucket;
    if (
      bucket === undefined ||
      bucket.dayNumber !== dayNumber ||
      bucket.provider !== row.providerName ||
      bucket.service !== service ||
      bucket.team !== team ||
      bucket.environment !== environment ||
      bucket.serviceCategory !== row.serviceCategory ||
      bucket.chargeCategory !== row.chargeCategory ||
      bucket.currency !== row.billingCurrency
    ) {
      bucket = this.bucketFor(dayNumber, row, service, team, environment);
      this.lastBucket = bucket;
    }
    bucket.billedCost.add(row.billedCost);
    bucket.effectiveCost.add(row.effectiveCost);
    if (row.listCost !== null) {
      bucket.listCost.add(row.listCost);
      bucket.listCostRows++;
    }
    bucket.rowCount++;
    this.rowTotal++;
  }

  private bucketFor(
    dayNumber: number,
    row: AggregatableRow,
    service: string | null,
    team: string | null,
    environment: string | null,
  ): Bucket {
    const key =
      dayNumber +
      SEP +
      (row.providerName ?? NULL_PART) +
      SEP +
      (service ?? NULL_PART) +
      SEP +
      (team ?? NULL_PART) +
      SEP +
      (environment ?? NULL_PART) +
      SEP +
      (row.serviceCategory ?? NULL_PART) +
      SEP +
      row.chargeCategory +
      SEP +
      row.billingCurrency;

    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      // Kept for the whole file: copies, not substrings of the parsed text.
      bucket = {
        dayNumber,
        provider: kept(row.providerName),
        service: kept(service),
        team: kept(team),
        environment: kept(environment),
        serviceCategory: kept(row.serviceCategory),
        chargeCategory: detachedCopy(row.chargeCategory),
        currency: detachedCopy(row.billingCurrency),
        billedCost: new CompensatedSum(),
        effectiveCost: new CompensatedSum(),
        listCost: new CompensatedSum(),
        listCostRows: 0,
        rowCount: 0,
      };
      this.buckets.set(detachedCopy(key), bucket);
    }
    return bucket;
  }

  /** The aggregates, ordered by day and then key fields (deterministic). */
  aggregates(): DailyAggregate[] {
    const sourceFile = this.options.sourceFile;
    return [...this.buckets.values()]
      .map(
        (bucket): DailyAggregate => ({
          sourceFile,
          day: dayNumberToIsoDate(bucket.dayNumber),
          provider: bucket.provider,
          service: bucket.service,
          team: bucket.team,
          environment: bucket.environment,
          serviceCategory: bucket.serviceCategory,
          chargeCategory: bucket.chargeCategory,
          currency: bucket.currency,
          billedCost: bucket.billedCost.value,
          effectiveCost: bucket.effectiveCost.value,
          listCost: bucket.listCostRows > 0 ? bucket.listCost.value : null,
          rowCount: bucket.rowCount,
        }),
      )
      .sort(compareAggregateKeys);
  }
}

const KEY_ORDER = [
  'day',
  'provider',
  'service',
  'team',
  'environment',
  'serviceCategory',
  'chargeCategory',
  'currency',
] as const;

/** Total order on aggregate keys (nulls first); used for stable output. */
export function compareAggregateKeys(
  a: DailyAggregateKey,
  b: DailyAggregateKey,
): number {
  for (const field of KEY_ORDER) {
    const x = a[field];
    const y = b[field];
    if (x !== y) {
      if (x === null) return -1;
      if (y === null) return 1;
      return x < y ? -1 : 1;
    }
  }
  return 0;
}
