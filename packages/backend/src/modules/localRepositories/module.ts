import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  LOCAL_REPOSITORY_PUBLISHED_TOPIC,
  LocalRepositoriesProvider,
} from './LocalRepositoriesProvider';

/**
 * The repositories the local publisher (`gatehouse:publish:local`) creates
 * appear in the catalog: read at start, on every publish (an event, which
 * also reaches other replicas) and every few minutes as a backstop.
 */
export const catalogModuleLocalRepositories = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'gatehouse-local-repositories',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
      },
      async init({ catalog, config, logger, scheduler, events }) {
        const directory = config.getOptionalString(
          'gatehouse.environments.localPublisher.directory',
        );
        if (!directory) return;
        const provider = new LocalRepositoriesProvider(directory, logger);
        catalog.addEntityProvider(provider);
        await events.subscribe({
          id: 'gatehouse-local-repositories',
          topics: [LOCAL_REPOSITORY_PUBLISHED_TOPIC],
          onEvent: () => provider.refresh(),
        });
        await scheduler.scheduleTask({
          id: 'gatehouse-local-repositories-refresh',
          frequency: { minutes: 5 },
          timeout: { minutes: 1 },
          scope: 'local',
          fn: () => provider.refresh(),
        });
      },
    });
  },
});
