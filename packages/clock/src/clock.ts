import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';

/**
 * Where Gatehouse's backend plugins get the current date from, for facts that
 * depend on it (which versions are still supported, what a plan costs on a
 * day). One place, so tests and demonstrations can state the date.
 * @public
 */
export interface Clock {
  now(): Date;
}

/** The machine's clock. @public */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that shows `startAt` now and runs at the normal rate from there.
 * @public
 */
export function clockStartingAt(
  startAt: Date,
  machineNow: () => number = Date.now,
): Clock {
  const offset = startAt.getTime() - machineNow();
  return { now: () => new Date(machineNow() + offset) };
}

/** Reads `gatehouse.clock.startAt`; throws on a value that is not a date. */
export function clockFromSetting(startAt: string | undefined): Clock {
  if (startAt === undefined) return systemClock;
  const parsed = new Date(startAt);
  if (Number.isNaN(parsed.getTime())) {
    throw new Error(
      `gatehouse.clock.startAt must be an ISO 8601 date and time, not '${startAt}'`,
    );
  }
  return clockStartingAt(parsed);
}

/**
 * The backend's clock: the machine's, or the one `gatehouse.clock.startAt`
 * states. One per backend, shared by every plugin.
 * @public
 */
export const clockServiceRef = createServiceRef<Clock>({
  id: 'gatehouse.clock',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) =>
        clockFromSetting(config.getOptionalString('gatehouse.clock.startAt')),
    }),
});
