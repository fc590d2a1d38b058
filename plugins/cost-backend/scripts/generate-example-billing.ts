/*
 * Writes synthetic FOCUS billing exports for the example services into a
 * folder, one gzip CSV per month, covering the 180 days up to yesterday (UTC),
 * so the embedded default shows realistic dashboards. The data is synthetic and
 * the files say so in their names. Nothing is written when the folder already
 * holds billing files, unless --force is given; --days N covers N days instead.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     plugins/cost-backend/scripts/generate-example-billing.ts data/billing [--force] [--days 180]
 */
import { createWriteStream, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  generateFocusRows,
  writeFocusCsv,
} from '../src/exampleData/generateFocusRows';

const DEFAULT_DAYS = 180;
const DAY_MS = 86_400_000;

async function main() {
  const [folderArg, ...flags] = process.argv.slice(2);
  const daysFlag = flags.indexOf('--days');
  const DAYS = daysFlag >= 0 ? Number(flags[daysFlag + 1]) : DEFAULT_DAYS;
  if (!(DAYS > 0)) {
    console.error('--days needs a positive number');
    process.exit(2);
  }
  if (!folderArg) {
    console.error(
      'usage: generate-example-billing.ts <folder> [--force] [--days N]',
    );
    process.exit(2);
  }
  const folder = resolve(folderArg);
  mkdirSync(folder, { recursive: true });
  const existing = readdirSync(folder).filter(name =>
    /\.csv(\.gz)?$/.test(name),
  );
  if (existing.length > 0 && !flags.includes('--force')) {
    console.log(
      `${folder} already holds ${existing.length} billing file(s); leaving them as they are`,
    );
    return;
  }

  const today = Date.UTC(
    new Date().getUTCFullYear(),
    new Date().getUTCMonth(),
    new Date().getUTCDate(),
  );
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
