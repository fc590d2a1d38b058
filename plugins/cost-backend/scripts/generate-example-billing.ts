/*
 * Writes synthetic FOCUS billing exports for the example services into a
 * folder, one gzip CSV per month, covering the 180 days up to the day before
 * "today" (UTC), so the embedded default shows realistic dashboards. The data
 * is synthetic and the files say so in their names. Nothing is written when the
 * folder already holds billing files, unless --force is given; --days N covers
 * N days instead. --today YYYY-MM-DD states the date to generate for (the
 * browser tests pass a fixed one, so their data is the same on every day);
 * without it, today's UTC date is used.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     plugins/cost-backend/scripts/generate-example-billing.ts data/billing \
 *     [--force] [--days 180] [--today 2026-11-18]
 */
import { createWriteStream, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  generateFocusRows,
  writeFocusCsv,
} from '../dev/exampleBilling/generateFocusRows';

const DEFAULT_DAYS = 180;
const DAY_MS = 86_400_000;

const USAGE =
  'usage: generate-example-billing.ts <folder> [--force] [--days N] [--today YYYY-MM-DD]';

/** Midnight UTC of the stated day, or of today's UTC date. */
function startOfToday(stated: string | undefined): number {
  if (stated === undefined) {
    const now = new Date();
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(stated)
    ? Date.parse(`${stated}T00:00:00Z`)
    : NaN;
  if (
    Number.isNaN(day) ||
    new Date(day).toISOString().slice(0, 10) !== stated
  ) {
    console.error(`--today needs a date as YYYY-MM-DD, not '${stated}'`);
    process.exit(2);
  }
  return day;
}

async function main() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      force: { type: 'boolean', default: false },
      days: { type: 'string', default: String(DEFAULT_DAYS) },
      today: { type: 'string' },
    },
  });
  const DAYS = Number(values.days);
  if (!(DAYS > 0)) {
    console.error('--days needs a positive number');
    process.exit(2);
  }
  const [folderArg] = positionals;
  if (!folderArg || positionals.length > 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const today = startOfToday(values.today);
  const folder = resolve(folderArg);
  mkdirSync(folder, { recursive: true });
  const existing = readdirSync(folder).filter(name =>
    /\.csv(\.gz)?$/.test(name),
  );
  if (existing.length > 0 && !values.force) {
    console.log(
      `${folder} already holds ${existing.length} billing file(s); leaving them as they are`,
    );
    return;
  }

  const first = today - DAYS * DAY_MS;
  const anomalyDay = new Date(today - 3 * DAY_MS).toISOString().slice(0, 10);
  let total = 0;
  // One file per calendar month, as providers export them.
  for (let start = first; start < today; ) {
    const startDate = new Date(start);
    const monthEnd = Date.UTC(
      startDate.getUTCFullYear(),
      startDate.getUTCMonth() + 1,
      1,
    );
    const end = Math.min(monthEnd, today);
    const days = Math.round((end - start) / DAY_MS);
    const month = startDate.toISOString().slice(0, 7);
    const rows = generateFocusRows({
      // One seed per month keeps every file reproducible on its own.
      seed: Number(month.replace('-', '')),
      startDate: startDate.toISOString().slice(0, 10),
      days,
      anomaly: anomalyDay.startsWith(month)
        ? {
            service: 'task-runner',
            environment: 'production',
            day: anomalyDay,
            factor: 4,
          }
        : undefined,
    });
    const path = join(folder, `example-focus-${month}.csv.gz`);
    const { rows: written } = await writeFocusCsv(
      rows,
      createWriteStream(path),
      { gzip: true },
    );
    total += written;
    console.log(`${path}: ${written} rows`);
    start = end;
  }
  console.log(`wrote ${total} synthetic FOCUS rows for the example services`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
