// Fails when a test run skipped or focused a test that the allow-list
// (scripts/test-skips-allowed.yaml) does not name with a reason. Reads the
// Jest and Playwright JSON reports in the given folder, and the sources for
// `.only`, which Jest reports only as the other tests being skipped.
//   node scripts/lib/check-skips.mjs .tools/reports
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(new URL('../..', import.meta.url).pathname);
const reports = process.argv[2];
const allowListPath = join(root, 'scripts/test-skips-allowed.yaml');
const { allowed = [] } = parse(readFileSync(allowListPath, 'utf8')) ?? {};
for (const entry of allowed) {
  if (!entry.runner || !entry.file || !entry.title || !entry.reason?.trim()) {
    throw new Error(
      `${allowListPath}: every entry needs runner, file, title and a reason: ${JSON.stringify(
        entry,
      )}`,
    );
  }
}
const isAllowed = ({ runner, file, title }) =>
  allowed.some(
    e => e.runner === runner && e.file === file && e.title === title,
  );

/** Skipped and todo tests in Jest's JSON report. */
function jestSkips(report) {
  const found = [];
  for (const suite of report.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
      if (['pending', 'skipped', 'todo', 'disabled'].includes(test.status)) {
        found.push({
          runner: 'jest',
          file: relative(root, suite.name),
          title: test.fullName,
          status: test.status,
        });
      }
    }
  }
  return found;
}

/** Skipped tests in a Playwright JSON report (nested suites of specs). */
function playwrightSkips(runner, report) {
  const found = [];
  const walk = suite => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'skipped' || test.expectedStatus === 'skipped') {
          found.push({
            runner,
            file: relative(
              root,
              join(report.config?.rootDir ?? root, spec.file),
            ),
            title:
              [...(suite.titlePath ?? []), spec.title].join(' › ') ||
              spec.title,
            status: 'skipped',
          });
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return found;
}

/** Focused tests in the sources (`it.only`, `describe.only`, `test.only`). */
function focusedInSources() {
  let output = '';
  try {
    output = execFileSync(
      'git',
      [
        'grep',
        '-n',
        '-E',
        '\\b(it|test|describe|fit|fdescribe)\\.only\\(',
        '--',
        '*.ts',
        '*.tsx',
        '*.js',
        '*.mjs',
        ':!scripts/lib/check-skips.mjs',
      ],
      { cwd: root, encoding: 'utf8' },
    );
  } catch (error) {
    if (error.status !== 1) throw error; // 1: nothing found
  }
  return output
    .split('\n')
    .filter(Boolean)
    .map(line => ({
      runner: 'source',
      file: line.split(':')[0],
      title: line,
      status: 'focused',
    }));
}

const found = [...focusedInSources()];
const jestReport = join(reports, 'jest.json');
if (existsSync(jestReport)) {
  found.push(...jestSkips(JSON.parse(readFileSync(jestReport, 'utf8'))));
}
for (const [runner, file] of [
  ['playwright', 'e2e.json'],
  ['multi-replica', 'multi-replica.json'],
]) {
  const path = join(reports, file);
  if (existsSync(path)) {
    found.push(
      ...playwrightSkips(runner, JSON.parse(readFileSync(path, 'utf8'))),
    );
  }
}

const unlisted = found.filter(f => f.status === 'focused' || !isAllowed(f));
const listed = found.length - unlisted.length;
if (unlisted.length > 0) {
  console.error(
    `${unlisted.length} skipped or focused test(s) not in scripts/test-skips-allowed.yaml:`,
  );
  for (const f of unlisted) {
    console.error(`  ${f.status}: [${f.runner}] ${f.file}: ${f.title}`);
  }
  process.exit(1);
}
console.log(
  `no unlisted skipped or focused tests (${listed} skipped with a reason in the allow-list)`,
);
