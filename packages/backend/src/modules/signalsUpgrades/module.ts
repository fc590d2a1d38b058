import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { localServerUrl } from './localServerUrl';
import { describeOutcome, primeUpgradeListener } from './primeUpgradeListener';

/**
 * Makes the signals plugin accept WebSocket upgrades from start-up, so the
 * first page to open its live-update socket on a replica is answered like
 * every later one (see primeUpgradeListener for why it would not be).
 */
export const signalsModuleUpgradesFromStartup = createBackendModule({
  pluginId: 'signals',
  moduleId: 'gatehouse-upgrades-from-startup',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
      },
      async init({ config, discovery, lifecycle, logger }) {
        // The signals plugin's own start-up: its routes take requests from
        // here on, and the backend reports ready only after every plugin's
        // start-up, so no balancer sends a page here before this is done.
        lifecycle.addStartupHook(async () => {
          // The signals router accepts upgrades only at its own base path.
          const { pathname } = new URL(await discovery.getBaseUrl('signals'));
          const url = localServerUrl(config, pathname);
          const startedAt = Date.now();
          try {
            const { attempts, earlier } = await primeUpgradeListener({ url });
            logger.info(
              `WebSocket upgrades at ${pathname} are accepted: handshake ${attempts} was upgraded, ${
                Date.now() - startedAt
              } ms after start-up${
                earlier.length
                  ? ` (before it: ${earlier.map(describeOutcome).join(', ')})`
                  : ''
              }`,
            );
          } catch (error) {
            // Start-up goes on: pages still get updates by reloading.
            logger.warn(
              `WebSocket upgrades at ${pathname} may not be accepted, so the first page to open live updates here can miss them: ${
                (error as Error).message
              }`,
            );
          }
        });
      },
    });
  },
});
