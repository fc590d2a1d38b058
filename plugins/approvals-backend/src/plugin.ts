import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { scaffolderServiceRef } from '@backstage/plugin-scaffolder-node';
import { approvalsPermissions } from '@gatehouse/plugin-approvals-common';
import { registerApprovalActions } from './actions';
import { readApprovalsConfig } from './config';
import { EnvironmentResolver } from './environment/EnvironmentResolver';
import { InfraPlansBackendSource } from './environment/entityPlans';
import {
  approvalRequestResourceRef,
  approvalRequestRules,
} from './permissions';
import { DatabaseRepositoryWatchStore } from './delivery/DatabaseRepositoryWatchStore';
import { DeliveryService } from './delivery/DeliveryService';
import { GitBranchReader } from './delivery/git/BranchReader';
import { LiveChecker } from './delivery/LiveChecker';
import { RepositoryWatcher } from './delivery/RepositoryWatcher';
import { createRouter } from './router';
import { ApprovalNotifier } from './service/ApprovalNotifier';
import { ApprovalService } from './service/ApprovalService';
import { CostBackendEstimator } from './service/CostEstimator';
import { FollowUpStarter } from './service/FollowUpStarter';
import { ReadCache } from './service/ReadCache';
import { DatabaseApprovalsStore } from './store/DatabaseApprovalsStore';
import { clockServiceRef } from '@gatehouse/clock';

/**
 * The approvals backend: every infrastructure change waits here for human
 * sign-off, bound to the exact plan, with its cost and risk.
 *
 * @public
 */
export const approvalsPlugin = createBackendPlugin({
  pluginId: 'approvals',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
        scaffolder: scaffolderServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        clock: clockServiceRef,
      },
      async init(deps) {
        const settings = readApprovalsConfig(deps.config);
        const store = await DatabaseApprovalsStore.create({
          database: deps.database,
        });
        deps.permissionsRegistry.addPermissions(approvalsPermissions);
        deps.permissionsRegistry.addResourceType({
          resourceRef: approvalRequestResourceRef,
          permissions: approvalsPermissions,
          rules: Object.values(approvalRequestRules),
          getResources: ids => Promise.all(ids.map(id => store.getRequest(id))),
        });
        const notifier = new ApprovalNotifier(deps);
        const approvals = new ApprovalService({
          store,
          catalog: deps.catalog,
          auth: deps.auth,
          logger: deps.logger,
          estimator: new CostBackendEstimator(deps),
          notifier,
          followUps: new FollowUpStarter({ store, ...deps }),
          rules: settings.rules,
          expiresAfterMs: settings.expiresAfterMs,
          clock: deps.clock,
          environments: new EnvironmentResolver({
            catalog: deps.catalog,
            auth: deps.auth,
            plans: new InfraPlansBackendSource(deps),
          }),
          environmentMismatch: settings.environmentMismatch,
        });
        await deps.scheduler.scheduleTask({
          id: 'approvals-expire-requests',
          frequency: { minutes: 10 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 30 },
          fn: async () => {
            await approvals.expire();
          },
        });
        const delivery = new DeliveryService({ ...deps, store, notifier });
        const watches = new DatabaseRepositoryWatchStore(
          await deps.database.getClient(),
        );
        const watcher = new RepositoryWatcher({
          ...deps,
          approvals: store,
          delivery,
          watches,
          notifier,
          reader: new GitBranchReader({
            config: deps.config,
            ...settings.delivery,
          }),
          ...settings.delivery,
        });
        await deps.scheduler.scheduleTask({
          id: 'approvals-watch-repositories',
          frequency: { milliseconds: settings.delivery.pollIntervalMs },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 10 },
          fn: () => watcher.checkAll(),
        });
        const live = new LiveChecker({ ...deps, store, delivery });
        await deps.scheduler.scheduleTask({
          id: 'approvals-watch-live',
          frequency: { milliseconds: settings.delivery.pollIntervalMs },
          timeout: { minutes: 5 },
          initialDelay: {
            milliseconds: Math.min(settings.delivery.pollIntervalMs, 15_000),
          },
          fn: () => live.checkAll(),
        });
        registerApprovalActions({ ...deps, approvals, delivery });
        const reads = new ReadCache(store, settings.readCacheBytes);
        deps.httpRouter.addAuthPolicy({
          path: '/delivery/webhooks',
          allow: 'unauthenticated',
        });
        deps.httpRouter.use(
          await createRouter({
            ...deps,
            approvals,
            reads,
            delivery,
            watcher,
            watches,
            webhookSecrets: settings.delivery.webhookSecrets,
          }),
        );
      },
    });
  },
});
