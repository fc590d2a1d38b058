// `yarn bench`: runs every benchmark of the repository, one process each, and
// passes on their output: one JSON line per measured figure.
//   yarn bench                 all of them
//   yarn bench cost portal     only those whose path contains one of the words
// Benchmarks are scripts/bench/*.bench.mjs and <package>/bench/*.bench.ts.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function benchFiles(dir) {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter(name => /\.bench\.(mjs|ts)$/.test(name))
        .map(name => join(dir, name))
    : [];
}

const files = [
  ...benchFiles(join(root, 'scripts/bench')),
  ...['packages', 'plugins'].flatMap(group =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).flatMap(pkg =>
          benchFiles(join(root, group, pkg, 'bench')),
        )
      : [],
  ),
].filter(
  file => filters.length === 0 || filters.some(word => file.includes(word)),
);

let failures = 0;
for (const file of files) {
  const name = relative(root, file);
  process.stderr.write(`[bench] ${name}\n`);
  const args = file.endsWith('.ts')
    ? ['--require', '@backstage/cli/config/nodeTransform.cjs', file]
    : [file];
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failures += 1;
    process.stderr.write(
      `[bench] ${name} failed with exit code ${result.status}\n`,
    );
  }
}
process.exit(failures > 0 ? 1 : 0);
