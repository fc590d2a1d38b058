import { HOURS_PER_MONTH } from '@gatehouse/plugin-cost-common';
import { scalingCount } from './autoscaling';
import { ebsVolumeComponents } from './ebs';
import { instanceHoursComponent } from './ec2';
import { supportBilling } from './extendedSupport';
import { launchTemplateInstanceType } from './launchTemplates';
import {
  ComponentDraft,
  Pricer,
  PricerContext,
  component,
  knownNumber,
  optionalString,
  requireNumber,
} from './pricer';

/** Instance type EKS uses when a node group sets none. */
const EKS_DEFAULT_INSTANCE_TYPE = 't3.medium';
/** Root volume of node groups without a launch template. */
const EKS_DEFAULT_DISK_GB = 20;

/**
 * aws_eks_cluster: the control plane hour, at the extended-support rate when
 * the cluster's Kubernetes version is in extended support on the estimate's
 * date (six times the standard rate), else at the standard rate.
 */
export const priceEksCluster: Pricer = context => {
  const version = optionalString(context, ['version']);
  const billing = version
    ? supportBilling(context, 'eks', 'Kubernetes', version)
    : { phase: 'standard' as const };
  if (billing.phase === 'extended') {
    return [
      component(context, {
        name: `EKS cluster control plane (Kubernetes ${version}, extended support)`,
        priceKey: 'eks:cluster:extended-support',
        unit: 'hours',
        monthlyQuantity: HOURS_PER_MONTH,
      }),
    ];
  }
  return [
    component(context, {
      name: 'EKS cluster control plane',
      priceKey: 'eks:cluster',
      unit: 'hours',
      monthlyQuantity: HOURS_PER_MONTH,
    }),
  ];
};

function nodeInstanceType(context: PricerContext): string {
  const listed = optionalString(context, ['instance_types', 0]);
  if (listed) return listed;
  if (context.attributes.blockCount('launch_template') > 0) {
    return launchTemplateInstanceType(context, {
      path: ['launch_template', 0],
      idAttribute: 'id',
      nameAttribute: 'name',
    });
  }
  context.note(`instance_types not set; EKS uses ${EKS_DEFAULT_INSTANCE_TYPE}`);
  return EKS_DEFAULT_INSTANCE_TYPE;
}

/**
 * aws_eks_node_group: first instance type × desired size, with a
 * min_size–max_size range, plus the nodes' root volumes (disk_size, gp2)
 * when no launch template defines them. SPOT capacity is priced on-demand.
 */
export const priceEksNodeGroup: Pricer = context => {
  const instanceType = nodeInstanceType(context);
  if (optionalString(context, ['capacity_type']) === 'SPOT') {
    context.note('SPOT capacity priced at the on-demand price (upper bound)');
  }
  const min = requireNumber(context, ['scaling_config', 0, 'min_size']);
  const max = requireNumber(context, ['scaling_config', 0, 'max_size']);
  const desired = knownNumber(context, ['scaling_config', 0, 'desired_size']);
  if (desired === undefined) {
    context.note(
      `scaling_config.desired_size is unknown until apply; assumed min_size ${min}`,
    );
  }
  const count = scalingCount(context, { desired, min, max }, 'node group');
  const components: ComponentDraft[] = [
    instanceHoursComponent(context, instanceType, count),
  ];
  if (context.attributes.blockCount('launch_template') === 0) {
    components.push(
      ...ebsVolumeComponents(context, {
        label: 'Node root volumes',
        volumeType: 'gp2',
        sizeGb: knownNumber(context, ['disk_size']) ?? EKS_DEFAULT_DISK_GB,
        count: count.value,
        ...(count.low !== undefined
          ? {
              countRange: { low: count.low, high: count.high! },
              rangeReason: count.reason,
            }
          : {}),
      }),
    );
  }
  return components;
};
