/*
 * Serialisation of synthetic FOCUS rows to CSV (optionally gzip), streamed
 * with backpressure so that millions of rows never sit in memory.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/** FOCUS 1.0 columns in the order real exports use (alphabetical). */
export const FOCUS_1_0_CSV_COLUMNS = [
  'AvailabilityZone',
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargeFrequency',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'CommitmentDiscountCategory',
  'CommitmentDiscountId',
  'CommitmentDiscountName',
  'CommitmentDiscountStatus',
  'CommitmentDiscountType',
  'ConsumedQuantity',
  'ConsumedUnit',
  'ContractedCost',
  'ContractedUnitPrice',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'ListUnitPrice',
  'PricingCategory',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'RegionId',
  'RegionName',
  'ResourceId',
  'ResourceName',
  'ResourceType',
  'ServiceCategory',
  'ServiceName',
  'SkuId',
  'SkuPriceId',
  'SubAccountId',
  'SubAccountName',
  'Tags',
] as const;

export type Focus10Column = (typeof FOCUS_1_0_CSV_COLUMNS)[number];

/** One synthetic row: every FOCUS 1.0 column, as the text written to CSV. */
export type SyntheticFocusRow = Readonly<Record<Focus10Column, string | null>>;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function csvCell(value: string | null, nullText: string): string {
  if (value === null) {
    return nullText;
  }
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line (with trailing newline) for a row. */
export function toCsvLine(row: SyntheticFocusRow, nullText = ''): string {
  let line = '';
  for (let i = 0; i < FOCUS_1_0_CSV_COLUMNS.length; i++) {
    if (i > 0) line += ',';
    line += csvCell(row[FOCUS_1_0_CSV_COLUMNS[i]], nullText);
  }
  return `${line}\n`;
}

export interface WriteFocusCsvOptions {
  /** Write gzip instead of plain CSV. */
  gzip?: boolean;
  /** zlib level 1–9 (default 6). */
  gzipLevel?: number;
  /** Text for null cells: '' (default) or e.g. 'NULL' like some exports. */
  nullText?: string;
}

const CHUNK_CHARS = 256 * 1024;

/**
 * Writes rows as a FOCUS 1.0 CSV to `destination` and ends it. Resolves once
 * everything is flushed; the result counts the rows written.
 */
export async function writeFocusCsv(
  rows: Iterable<SyntheticFocusRow>,
  destination: Writable,
  options: WriteFocusCsvOptions = {},
): Promise<{ rows: number }> {
  const nullText = options.nullText ?? '';
  let count = 0;
  function* chunks(): Generator<Buffer> {
    let chunk = `${FOCUS_1_0_CSV_COLUMNS.join(',')}\n`;
    for (const row of rows) {
      chunk += toCsvLine(row, nullText);
      count++;
      if (chunk.length >= CHUNK_CHARS) {
        yield Buffer.from(chunk);
        chunk = '';
      }
    }
    yield Buffer.from(chunk);
  }
  const source = Readable.from(chunks(), { objectMode: false });
  if (options.gzip) {
    await pipeline(
      source,
      createGzip({ level: options.gzipLevel ?? 6 }),
      destination,
    );
  } else {
    await pipeline(source, destination);
  }
  return { rows: count };
}
