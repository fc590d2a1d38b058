/**
 * Where a version stands on the support calendar on a given date. The date
 * is always an argument: callers decide what "today" is.
 */
import {
  SUPPORT_PRODUCTS,
  SupportCalendarEntry,
  SupportProduct,
  supportCalendar,
} from './calendar';

/** A support phase on one date. @public */
export type SupportPhase =
  /** Released and in standard support (or no end announced). */
  | 'standard'
  /** Past the end of standard support: AWS charges extra. */
  | 'extended'
  /** Past the end of extended support: AWS no longer runs it. */
  | 'ended'
  /** Announced for later: not yet available. */
  | 'unreleased';

/** The outcome of {@link supportStatus}. @public */
export type SupportStatus =
  | { known: true; phase: SupportPhase; entry: SupportCalendarEntry }
  | { known: false };

/** The UTC calendar day of a date, as YYYY-MM-DD. @public */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return isoDay(date);
}

/** The first day on which the version is no longer in the phase that ends on `end`. */
function firstDayAfter(product: SupportProduct, end: string): string {
  return SUPPORT_PRODUCTS[product].endDateStartsNextPhase ? end : nextDay(end);
}

/** The first day of extended support, when its start is announced. @public */
export function extendedSupportStarts(
  product: SupportProduct,
  entry: SupportCalendarEntry,
): string | undefined {
  return entry.endOfStandardSupport
    ? firstDayAfter(product, entry.endOfStandardSupport)
    : undefined;
}

/**
 * The calendar entry covering a version: the entry itself (`1.31`) or the
 * major version it belongs to (`15` for `15.4`, `7` for `7.1`). The longest
 * matching entry wins.
 * @public
 */
export function calendarEntry(
  product: SupportProduct,
  version: string,
): SupportCalendarEntry | undefined {
  let best: SupportCalendarEntry | undefined;
  for (const entry of supportCalendar[product]) {
    const covers =
      version === entry.version || version.startsWith(`${entry.version}.`);
    if (covers && (!best || entry.version.length > best.version.length)) {
      best = entry;
    }
  }
  return best;
}

/** The support phase of an entry on a date. @public */
export function phaseOn(
  product: SupportProduct,
  entry: SupportCalendarEntry,
  asOf: Date,
): SupportPhase {
  const day = isoDay(asOf);
  if (day < entry.released) return 'unreleased';
  if (
    entry.endOfExtendedSupport &&
    day >= firstDayAfter(product, entry.endOfExtendedSupport)
  ) {
    return 'ended';
  }
  const extendedFrom = extendedSupportStarts(product, entry);
  if (extendedFrom && day >= extendedFrom) return 'extended';
  return 'standard';
}

/**
 * Where a version of a product stands on a date: its calendar entry and
 * phase, or `known: false` when the calendar does not list it.
 * @public
 */
export function supportStatus(
  product: SupportProduct,
  version: string,
  asOf: Date,
): SupportStatus {
  const entry = calendarEntry(product, version);
  if (!entry) return { known: false };
  return { known: true, phase: phaseOn(product, entry, asOf), entry };
}

/**
 * The newest version of a product in standard support on a date (the one a
 * new plan should use), or undefined when none is.
 * @public
 */
export function newestInStandardSupport(
  product: SupportProduct,
  asOf: Date,
): SupportCalendarEntry | undefined {
  const inStandard = supportCalendar[product].filter(
    entry => phaseOn(product, entry, asOf) === 'standard',
  );
  return inStandard[inStandard.length - 1];
}
