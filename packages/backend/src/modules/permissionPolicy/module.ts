import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { GatehousePermissionPolicy } from './policy';
import { policyRules } from './rules';

/** Installs Gatehouse's permission policy in place of any stock policy. */
export const permissionModuleGatehousePolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'gatehouse-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, logger: coreServices.logger },
      async init({ policy, logger }) {
        policy.setPolicy(new GatehousePermissionPolicy(policyRules, logger));
      },
    });
  },
});
