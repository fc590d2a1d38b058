/*
 * Benchmark: FOCUS ingestion of 1,000,000 synthetic rows.
 *
 *   cd /work/main && ./gatehouse yarn node \
 *     --require @backstage/cli/config/nodeTransform.cjs \
 *     plugins/cost-backend/bench/focusIngest.bench.ts
 *
 * Generates the rows to a temporary CSV and a gzip copy, then ingests each
 * (parse + normalise + attribute + aggregate) in a fresh child process so
 * that peak RSS belongs to that run alone. A third child only tokenises the
 * CSV (CsvRecordStream, i.e. Papa Parse), to show how much of the time the
 * tokeniser itself takes. Prints one JSON line per figure on stdout, with the
 * machine's load average (the figures drop when other work shares the 2
 * cores); progress goes to stderr. Temporary files are deleted afterwards.
 */
import { fork } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import {
  generateFocusRows,
  writeFocusCsv,
} from '../dev/exampleBilling/generateFocusRows';
import { aggregateFocusFile } from '../src/focus';
import { CsvRecordStream, type CsvRecordBatch } from '../src/focus/csvRecords';

const BENCH = 'cost.focus.ingest';
const ROWS = 1_000_000;
const RATE_GOAL = 100_000;
const RSS_GOAL_MB = 1024;

type ChildMode = 'ingest' | 'tokenise-only';

interface ChildResult {
  rows: number;
  elapsedMs: number;
  /** CPU time of the child, all threads (zlib and file reads included). */
  cpuMs: number;
  peakRssMb: number;
  aggregateRows?: number;
  rejectedRows?: number;
  gzip?: boolean | null;
}

function log(message: string): void {
  process.stderr.write(`[${BENCH}] ${message}\n`);
}

function emit(figure: Record<string, unknown>): void {
  process.stdout.write(
    `${JSON.stringify({ bench: BENCH, rows: ROWS, ...figure })}\n`,
  );
}

function peakRssMb(): number {
  // maxRSS is reported in kilobytes.
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

/** Runs in the child process: one measured pass over one file. */
async function measure(mode: ChildMode, file: string): Promise<ChildResult> {
  const started = process.hrtime.bigint();
  const elapsedMs = () => Number(process.hrtime.bigint() - started) / 1e6;
  const cpuStarted = process.cpuUsage();
  const cpuMs = () => {
    const used = process.cpuUsage(cpuStarted);
    return (used.user + used.system) / 1000;
  };
  if (mode === 'tokenise-only') {
    let rows = -1; // minus the header
    const tokenizer = new CsvRecordStream();
    const piped = pipeline(createReadStream(file), tokenizer);
    for await (const batch of tokenizer as AsyncIterable<CsvRecordBatch>) {
      rows += batch.records.length;
    }
    await piped;
    return {
      rows,
      elapsedMs: elapsedMs(),
      cpuMs: cpuMs(),
      peakRssMb: peakRssMb(),
    };
  }
  const result = await aggregateFocusFile(createReadStream(file), {
    sourceFile: file,
    progressEveryRows: 250_000,
    onProgress: p => log(`  ${p.rowsRead} rows`),
  });
  return {
    rows: result.summary.rowsRead,
    elapsedMs: elapsedMs(),
    cpuMs: cpuMs(),
    peakRssMb: peakRssMb(),
    aggregateRows: result.aggregates.length,
    rejectedRows: result.summary.rowsRejected,
    gzip: result.summary.gzip,
  };
}

function runChild(mode: ChildMode, file: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--child', mode, file], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: ChildResult | undefined;
    child.on('message', message => {
      result = message as ChildResult;
    });
    child.on('error', reject);
    child.on('exit', code =>
      code === 0 && result
        ? resolve(result)
        : reject(new Error(`benchmark child (${mode}) exited with ${code}`)),
    );
  });
}

async function generateFiles(dir: string) {
  const plain = join(dir, 'focus-1m.csv');
  const gzip = join(dir, 'focus-1m.csv.gz');
  let started = Date.now();
  const { rows } = await writeFocusCsv(
    generateFocusRows({
      seed: 42,
      startDate: '2024-01-01',
      days: 400,
      maxRows: ROWS,
    }),
    createWriteStream(plain),
  );
  if (rows !== ROWS) {
    throw new Error(`generator produced ${rows} rows, expected ${ROWS}`);
  }
  log(`generated ${rows} rows in ${Date.now() - started} ms`);
  started = Date.now();
  await pipeline(
    createReadStream(plain),
    createGzip(),
    createWriteStream(gzip),
  );
  log(`compressed in ${Date.now() - started} ms`);
  return { plain, gzip };
}

function emitIngestFigures(variant: string, fileBytes: number, r: ChildResult) {
  const rate = Math.round(r.rows / (r.elapsedMs / 1000));
  emit({
    variant,
    metric: 'rows_per_second',
    value: rate,
    goal: `>=${RATE_GOAL} rows/s`,
    met: rate >= RATE_GOAL,
  });
  emit({
    variant,
    metric: 'peak_rss_mb',
    value: r.peakRssMb,
    goal: `<${RSS_GOAL_MB} MB`,
    met: r.peakRssMb < RSS_GOAL_MB,
  });
  emit({ variant, metric: 'elapsed_ms', value: Math.round(r.elapsedMs) });
  // Less sensitive to other work on the machine than the wall-clock rate.
  emit({
    variant,
    metric: 'rows_per_cpu_second',
    value: Math.round(r.rows / (r.cpuMs / 1000)),
  });
  emit({ variant, metric: 'aggregate_rows', value: r.aggregateRows });
  emit({
    variant,
    metric: 'rejected_rows',
    value: r.rejectedRows,
    goal: '0',
    met: r.rejectedRows === 0,
  });
  emit({
    variant,
    metric: 'file_mb',
    value: Math.round((fileBytes / 1048576) * 10) / 10,
  });
  if (r.rows !== ROWS) {
    throw new Error(`${variant}: read ${r.rows} rows, expected ${ROWS}`);
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'gatehouse-focus-bench-'));
  try {
    const files = await generateFiles(dir);
    // Other work on the machine slows the figures down; 2 cores here.
    emit({
      variant: 'machine',
      metric: 'load_average_1m',
      value: Math.round(loadavg()[0] * 100) / 100,
    });
    for (const [variant, file] of [
      ['plain', files.plain],
      ['gzip', files.gzip],
    ] as const) {
      log(`ingesting ${variant}`);
      const result = await runChild('ingest', file);
      emitIngestFigures(variant, (await stat(file)).size, result);
    }
    log('tokenising only (Papa Parse, no normalisation/aggregation)');
    const tokenise = await runChild('tokenise-only', files.plain);
    emit({
      variant: 'plain',
      metric: 'tokenise_only_rows_per_second',
      value: Math.round(tokenise.rows / (tokenise.elapsedMs / 1000)),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  measure(process.argv[3] as ChildMode, process.argv[4]).then(
    result => process.send?.(result, () => process.exit(0)),
    error => {
      log(String(error?.stack ?? error));
      process.exit(1);
    },
  );
} else {
  main().catch(error => {
    log(String(error?.stack ?? error));
    process.exitCode = 1;
  });
}
