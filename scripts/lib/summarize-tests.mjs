// Adds up the Jest and Playwright JSON reports into one closing line:
//   tests: N passed, N failed, N skipped
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;

const jestReport = join(dir, 'jest.json');
if (existsSync(jestReport)) {
  const jest = JSON.parse(readFileSync(jestReport, 'utf8'));
  passed += jest.numPassedTests;
  failed += jest.numFailedTests;
  skipped += jest.numPendingTests + jest.numTodoTests;
  // A suite that fails to load runs no tests but is still a failure.
  failed += jest.numRuntimeErrorTestSuites ?? 0;
  console.log(
    `jest: ${jest.numPassedTests} passed, ${jest.numFailedTests} failed in ${jest.numTotalTestSuites} suites`,
  );
}

for (const [label, file] of [
  ['playwright', 'e2e.json'],
  ['multi-replica', 'multi-replica.json'],
]) {
  const e2eReport = join(dir, file);
  if (!existsSync(e2eReport)) continue;
  const { stats } = JSON.parse(readFileSync(e2eReport, 'utf8'));
  // "flaky" tests passed on retry; they count as passed but are named in the log.
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
  console.log(
    `${label}: ${stats.expected + stats.flaky} passed (${
      stats.flaky
    } on retry), ${stats.unexpected} failed`,
  );
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
