import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { SignalApi, signalApiRef } from '@backstage/plugin-signals-react';
import type { ApprovalsApi } from '@gatehouse/plugin-approvals-common';
import { gatehouseThemeModule } from '@gatehouse/plugin-cost-react';
import { approvalsApiRef } from '../api';
import { requestRouteRef, rootRouteRef } from '../routes';

/** A signal API whose channels the test can publish on. */
export function fakeSignals() {
  const subscribers = new Map<string, Set<(message: any) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = subscribers.get(channel) ?? new Set();
      set.add(onMessage as (message: any) => void);
      subscribers.set(channel, set);
      return {
        unsubscribe: () => set.delete(onMessage as (message: any) => void),
      };
    },
  };
  return {
    api,
    channels: () => [...subscribers.keys()],
    publish(channel: string, message: object) {
      for (const fn of subscribers.get(channel) ?? []) fn(message);
    },
  };
}

export function renderWithApprovals(
  element: JSX.Element,
  options: {
    api: ApprovalsApi;
    allowDecide?: boolean;
    signals?: SignalApi;
    initialRouteEntries?: string[];
    mountPath?: string;
  },
) {
  const apis: any[] = [
    [approvalsApiRef, options.api],
    mockApis.permission({
      authorize:
        options.allowDecide === false
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    }),
  ];
  if (options.signals) apis.push([signalApiRef, options.signals]);
  return renderInTestApp(element, {
    // The portal's theme, so that colours are the ones people see.
    features: [gatehouseThemeModule],
    apis: apis as any,
    mountedRoutes: {
      '/approvals': rootRouteRef,
      '/approvals/requests/:id': requestRouteRef,
      '/catalog/:namespace/:kind/:name': entityRouteRef as any,
    },
    initialRouteEntries: options.initialRouteEntries,
    mountPath: options.mountPath,
  });
}
