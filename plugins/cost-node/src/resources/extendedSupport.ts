import {
  SupportProduct,
  extendedSupportStarts,
  isoDay,
  supportStatus,
} from '@gatehouse/plugin-infra-plans-common';
import type { PricerContext } from './pricer';

/** How a version is billed on the estimate's date. */
export type SupportBilling =
  | { phase: 'standard' }
  /** `year` counts from the first day of extended support (1, 2, 3…). */
  | { phase: 'extended'; year: number; endsOn: string };

/** Whole years between two YYYY-MM-DD days, plus one: the billing year. */
function billingYear(from: string, day: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  const anniversaryPassed = m > fm || (m === fm && d >= fd);
  return y - fy - (anniversaryPassed ? 0 : 1) + 1;
}

/**
 * Whether a version is in extended support on the context's date, from the
 * support calendar. Versions the calendar does not know, or past the end of
 * extended support, are billed as standard with a note: we do not know what
 * AWS charges for them (validation reports them as errors).
 */
export function supportBilling(
  context: PricerContext,
  product: SupportProduct,
  label: string,
  version: string,
): SupportBilling {
  const status = supportStatus(product, version, context.asOf);
  const day = isoDay(context.asOf);
  if (!status.known) {
    context.note(
      `${label} ${version} is not on the support calendar; priced at the standard-support rate`,
    );
    return { phase: 'standard' };
  }
  if (status.phase === 'ended') {
    context.note(
      `${label} ${version} is past the end of extended support (${status.entry.endOfExtendedSupport}) on ${day}; AWS upgrades it, so its price after that is not known; priced at the standard-support rate`,
    );
    return { phase: 'standard' };
  }
  if (status.phase !== 'extended') return { phase: 'standard' };
  const from = extendedSupportStarts(product, status.entry)!;
  context.note(
    `${label} ${version} is in extended support on ${day} (standard support ended ${status.entry.endOfStandardSupport}, extended support ends ${status.entry.endOfExtendedSupport}); priced at the extended-support rate`,
  );
  return {
    phase: 'extended',
    year: billingYear(from, day),
    endsOn: status.entry.endOfExtendedSupport!,
  };
}
