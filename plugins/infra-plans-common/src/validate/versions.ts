import { PathSegment } from '../issues';
import { SUPPORT_PRODUCTS, SupportProduct } from '../support/calendar';
import {
  isoDay,
  newestInStandardSupport,
  supportStatus,
} from '../support/lifecycle';
import { EnvContext } from './context';

/** Plan engines → the calendar that covers them; engines not here have none. */
const ENGINE_PRODUCTS: Record<string, SupportProduct> = {
  postgres: 'rds-postgres',
  mysql: 'rds-mysql',
  redis: 'elasticache-redis',
  valkey: 'elasticache-valkey',
};

/**
 * Versions against the support calendar on the context's date: a warning in
 * extended support (it costs extra and ends), an error past its end, before
 * its release or when the calendar does not list it. Engines without a
 * calendar (MariaDB, Aurora, Memcached) are not judged: we do not know.
 */
export function checkVersions(ctx: EnvContext): void {
  checkVersion(ctx, 'eks', ctx.env.compute.cluster.kubernetesVersion, [
    'compute',
    'cluster',
    'kubernetesVersion',
  ]);
  (ctx.env.data?.databases ?? []).forEach((db, index) => {
    const product = ENGINE_PRODUCTS[db.engine];
    if (product) {
      checkVersion(ctx, product, db.version, [
        'data',
        'databases',
        index,
        'version',
      ]);
    }
  });
  (ctx.env.data?.caches ?? []).forEach((cache, index) => {
    const product = ENGINE_PRODUCTS[cache.engine];
    if (product) {
      checkVersion(ctx, product, cache.version, [
        'data',
        'caches',
        index,
        'version',
      ]);
    }
  });
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

function checkVersion(
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
