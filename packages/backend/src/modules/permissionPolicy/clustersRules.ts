import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import { clustersDashboardReadPermission } from '@gatehouse/plugin-clusters-common';
import { PolicyRule } from './types';

const is = (wanted: Permission) => (permission: Permission) =>
  permission.name === wanted.name;

/** The clusters plugin: live workload health is for everyone who runs services. */
export const clustersRules: PolicyRule[] = [
  {
    description:
      'signed-in users see workload health and the SRE dashboard, like the Kubernetes tab',
    covers: is(clustersDashboardReadPermission),
    decide: () => ({ result: AuthorizeResult.ALLOW }),
  },
];
