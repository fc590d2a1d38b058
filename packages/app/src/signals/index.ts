import {
  ApiBlueprint,
  createFrontendModule,
  discoveryApiRef,
  identityApiRef,
} from '@backstage/frontend-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { GatehouseSignalClient } from './GatehouseSignalClient';

/**
 * The signals API as Gatehouse's own client. Same extension id as the one in
 * `@backstage/plugin-signals/alpha` (`api:signals`), so as a module of that
 * plugin it replaces the upstream client instead of competing with it.
 */
export const signalApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: signalApiRef,
      deps: { discoveryApi: discoveryApiRef, identityApi: identityApiRef },
      factory: ({ discoveryApi, identityApi }) =>
        new GatehouseSignalClient({ discoveryApi, identityApi }),
    }),
});

export const signalsModule = createFrontendModule({
  pluginId: 'signals',
  extensions: [signalApi],
});

export { GatehouseSignalClient } from './GatehouseSignalClient';
export type {
  GatehouseSignalClientOptions,
  SignalSocket,
  SignalSocketConstructor,
} from './GatehouseSignalClient';
