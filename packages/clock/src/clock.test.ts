import {
  createBackendPlugin,
  coreServices,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { clockFromSetting, clockServiceRef, clockStartingAt } from './clock';

describe('clockStartingAt', () => {
  it('shows the stated time, then runs at the machine rate', () => {
    let machine = Date.parse('2031-01-01T00:00:00Z');
    const clock = clockStartingAt(
      new Date('2026-02-28T23:59:00Z'),
      () => machine,
    );
    expect(clock.now().toISOString()).toBe('2026-02-28T23:59:00.000Z');
    machine += 90_000;
    expect(clock.now().toISOString()).toBe('2026-03-01T00:00:30.000Z');
  });
});

describe('clockFromSetting', () => {
  it('is the machine clock when nothing is stated', () => {
    const before = Date.now();
    const now = clockFromSetting(undefined).now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
  });

  it('refuses a value that is not a date, naming the setting', () => {
    expect(() => clockFromSetting('next tuesday')).toThrow(
      "gatehouse.clock.startAt must be an ISO 8601 date and time, not 'next tuesday'",
    );
  });
});

describe('clockServiceRef', () => {
  it('gives plugins the clock the configuration states', async () => {
    const seen: string[] = [];
    const plugin = createBackendPlugin({
      pluginId: 'probe',
      register(env) {
        env.registerInit({
          deps: { clock: clockServiceRef, logger: coreServices.logger },
          async init({ clock }) {
            seen.push(clock.now().toISOString().slice(0, 10));
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [
        plugin,
        mockServices.rootConfig.factory({
          data: { gatehouse: { clock: { startAt: '2028-02-29T12:00:00Z' } } },
        }),
      ],
    });
    expect(seen).toEqual(['2028-02-29']);
    await backend.stop();
  });
});
