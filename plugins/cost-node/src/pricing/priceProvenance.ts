import type { PriceProvenance } from '@gatehouse/plugin-cost-common';
import type { PriceEntry } from './pricingFile';

/**
 * The provenance of a price entry. The entry's own words decide, so that a
 * price is never shown as better sourced than its pricing file says:
 * a note starting with "approximate" wins over everything else; a
 * publication date means the importer took it from a price-list file;
 * anything else is a cited source as of the pricing file's effective date.
 *
 * @param effectiveDate - The pricing file's effective date (YYYY-MM-DD).
 * @public
 */
export function priceProvenance(
  entry: PriceEntry,
  effectiveDate: string,
): PriceProvenance {
  if (isApproximate(entry)) {
    return { kind: 'approximate', source: entry.source, reason: entry.note! };
  }
  if (entry.publicationDate) {
    return {
      kind: 'price-list',
      source: entry.source,
      publicationDate: entry.publicationDate,
    };
  }
  return { kind: 'cited', source: entry.source, asOf: effectiveDate };
}

/** Whether the pricing file marks the entry as approximate. */
export function isApproximate(entry: PriceEntry): boolean {
  return /^approximate\b/i.test(entry.note?.trim() ?? '');
}
