/*
 * Converts AWS price-list bulk offer files into the estimator's pricing
 * format.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     plugins/cost-node/scripts/import-aws-price-list.ts \
 *     --effective-date 2025-07-01 \
 *     --base plugins/cost-node/pricing/aws-2025-06-01.json \
 *     --out plugins/cost-node/pricing/aws-2025-07-01.json \
 *     AmazonEC2-us-east-1.json AmazonRDS-us-east-1.json ...
 *
 * Offer files are the per-region `index.json` files of the AWS price list
 * bulk API (AmazonEC2, AmazonRDS, AmazonElastiCache).
 */
import fs from 'node:fs';
import { convertAwsPriceList } from '../src/import/awsPriceList';
import { parsePricingFile } from '../src/pricing/pricingFile';

const USAGE = `Usage: import-aws-price-list.ts --effective-date YYYY-MM-DD --out FILE [--version V] [--base FILE] [--regions r1,r2] OFFER.json...`;

type Io = { stdout(text: string): void; stderr(text: string): void };

/** Runs the import; returns the exit code. Exported for tests. */
export function main(argv: string[], io: Io): number {
  const flags = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      flags.set(argv[i], argv[i + 1] ?? '');
      i++;
    } else {
      files.push(argv[i]);
    }
  }
  const effectiveDate = flags.get('--effective-date');
  const out = flags.get('--out');
  if (
    !effectiveDate ||
    !/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate) ||
    !out ||
    files.length === 0
  ) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const basePath = flags.get('--base');
  const base = basePath
    ? parsePricingFile(JSON.parse(fs.readFileSync(basePath, 'utf8')), basePath)
    : undefined;
  const offers = files.map(
    file => JSON.parse(fs.readFileSync(file, 'utf8')) as unknown,
  );
  const { pricing, imported, warnings } = convertAwsPriceList(offers, {
    effectiveDate,
    version: flags.get('--version') ?? `${effectiveDate}.1`,
    base,
    regions: flags.get('--regions')?.split(',').filter(Boolean),
  });
  // Validate what we write with the same loader the estimator uses.
  parsePricingFile(pricing, out);
  fs.writeFileSync(out, `${JSON.stringify(pricing, null, 2)}\n`);
  for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
  io.stdout(`Imported ${imported} prices into ${out}\n`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
  });
}
