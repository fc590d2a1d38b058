import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '../errors';
import { PriceBook } from './PriceBook';

const PACKAGE_NAME = '@gatehouse/plugin-cost-node';
const SHIPPED_FILE_PATTERN = /^aws-(\d{4}-\d{2}-\d{2})\.json$/;

/**
 * This package's root, found through module resolution (like Backstage's
 * resolvePackagePath) so it works from `src/` and from a bundled `dist/`.
 */
function findPackageRoot(): string {
  return path.dirname(require.resolve(`${PACKAGE_NAME}/package.json`));
}

/**
 * Folder of the pricing files shipped with the package.
 *
 * @public
 */
export function shippedPricingDirectory(): string {
  return path.join(findPackageRoot(), 'pricing');
}

/**
 * The newest shipped pricing file, by the date in its name
 * (`aws-YYYY-MM-DD.json`). Dropping a newer file into the folder makes it the
 * default.
 *
 * @public
 */
export function defaultPricingFilePath(): string {
  const dir = shippedPricingDirectory();
  const newest = fs
    .readdirSync(dir)
    .filter(file => SHIPPED_FILE_PATTERN.test(file))
    .sort()
    .pop();
  if (!newest) {
    throw new Error(`No aws-YYYY-MM-DD.json pricing file in ${dir}`);
  }
  return path.join(dir, newest);
}

/**
 * Loads and validates a pricing file (the shipped one, or an operator's
 * replacement in the same format).
 *
 * @public
 */
export function loadPriceBook(filePath: string): PriceBook {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new InvalidInputError(
      `Cannot read pricing file ${filePath}: ${(error as Error).message}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(
      `Pricing file ${filePath} is not valid JSON: ${(error as Error).message}`,
    );
  }
  return PriceBook.fromData(data, filePath);
}

let defaultBook: PriceBook | undefined;

/**
 * The shipped price book, loaded once per process.
 *
 * @public
 */
export function defaultPriceBook(): PriceBook {
  if (!defaultBook) {
    defaultBook = loadPriceBook(defaultPricingFilePath());
  }
  return defaultBook;
}
