/**
 * Checks that several sections' rules share: unique names, tier
 * requirements, types the price book knows and versions on the support
 * calendar.
 */
import { nearestKnown } from '../../catalogue/nearest';
import type { IssueSink, PathSegment } from '../../issues';
import { SUPPORT_PRODUCTS, SupportProduct } from '../../support/calendar';
import {
  isoDay,
  newestInStandardSupport,
  supportStatus,
} from '../../support/lifecycle';
import { requirementLevel } from '../../tiers';
import type { EnvContext } from './ruleContext';

/** Reports the second and later items that repeat a name (`names-unique`). */
export function checkUniqueNames<T>(
  sink: IssueSink,
  listPath: PathSegment[],
  items: readonly T[] | undefined,
  what: string,
  key: (item: T) => string = item => (item as { name: string }).name,
  field: PathSegment = 'name',
): void {
  const seen = new Map<string, number>();
  (items ?? []).forEach((item, index) => {
    const name = key(item);
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, index);
    } else {
      sink.error(
        'names-unique',
        [...listPath, index, field],
        `${what} "${name}" is defined twice (also at index ${first})`,
        `rename one of them; ${what}s are matched by name in references, diffs and generated resources`,
      );
    }
  });
}

/** Reports a missing tier requirement at the level the tier asks for. */
export function requireForTier(
  ctx: EnvContext,
  id: string,
  segments: PathSegment[],
  problem: string,
  hint: string,
): void {
  const level = requirementLevel(id, ctx.tier);
  if (level === 'optional') return;
  ctx.sink.add(
    level === 'required' ? 'error' : 'warning',
    `tier:${id}`,
    segments,
    `${problem} (${level} for ${ctx.tier})`,
    hint,
  );
}

/**
 * An instance type, DB class or cache node type must be one the price book
 * and instance catalogue know (`type-known`): an unknown one can be neither
 * priced nor sized, and is most often a typo.
 */
export function requireKnownType(
  ctx: EnvContext,
  value: string,
  known: readonly string[],
  what: string,
  path: PathSegment[],
): void {
  if (known.includes(value)) return;
  ctx.sink.error(
    'type-known',
    path,
    `${what} ${value} is not in the price book or instance catalogue, so it can be neither priced nor sized`,
    `did you mean ${nearestKnown(value, known).join(', ')}?`,
  );
}

function upgradeAdvice(product: SupportProduct, asOf: Date): string {
  const { label } = SUPPORT_PRODUCTS[product];
  const newest = newestInStandardSupport(product, asOf);
  if (!newest) {
    return `no ${label} version on the calendar is in standard support on ${isoDay(
      asOf,
    )}; check AWS's calendar and update supportCalendar`;
  }
  const until = newest.endOfStandardSupport
    ? ` (standard support until ${newest.endOfStandardSupport})`
    : '';
  return `upgrade to ${label} ${
    newest.version
  }, the newest in standard support on ${isoDay(asOf)}${until}`;
}

/**
 * A version against the support calendar on the context's date: a warning
 * in extended support (it costs extra and ends), an error past its end,
 * before its release or when the calendar does not list it.
 */
export function checkSupportedVersion(
  ctx: EnvContext,
  product: SupportProduct,
  version: string,
  path: PathSegment[],
): void {
  const { label, service, extendedSupportCost } = SUPPORT_PRODUCTS[product];
  const day = isoDay(ctx.asOf);
  const name = `${label} ${version}`;
  const status = supportStatus(product, version, ctx.asOf);
  if (!status.known) {
    ctx.sink.error(
      'version-in-calendar',
      path,
      `${name} is not on the ${service} support calendar, so nobody can tell whether AWS supports it`,
      `${upgradeAdvice(
        product,
        ctx.asOf,
      )}; if AWS has released ${name}, add it to supportCalendar with its published dates`,
    );
    return;
  }
  const { entry, phase } = status;
  switch (phase) {
    case 'unreleased':
      ctx.sink.error(
        'version-in-calendar',
        path,
        `${name} is not available on ${service} on ${day}; it is released on ${entry.released}`,
        upgradeAdvice(product, ctx.asOf),
      );
      return;
    case 'extended':
      ctx.sink.warning(
        'version-extended-support',
        path,
        `${name} is in ${service} extended support on ${day}: standard support ended ${entry.endOfStandardSupport}, extended support ends ${entry.endOfExtendedSupport}; it costs ${extendedSupportCost}`,
        upgradeAdvice(product, ctx.asOf),
      );
      return;
    case 'ended':
      ctx.sink.error(
        'version-support-ended',
        path,
        `${name} is past the end of ${service} extended support (${entry.endOfExtendedSupport}) on ${day}; AWS no longer creates it and upgrades what still runs it`,
        upgradeAdvice(product, ctx.asOf),
      );
      return;
    default:
  }
}
