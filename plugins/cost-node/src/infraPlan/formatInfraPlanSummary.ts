import {
  InfraPlanEstimateDetails,
  formatMoney,
} from '@gatehouse/plugin-cost-common';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The infrastructure-plan part of the text table: each environment against
 * its budget, then each node group's workloads as a share of its nodes.
 */
export function formatInfraPlanSummary(
  details: InfraPlanEstimateDetails,
): string[] {
  const lines = ['', `Environments of ${details.service}:`];
  for (const env of details.environments) {
    const budget =
      env.budgetMonthly === null
        ? 'no budget'
        : `budget ${formatMoney(env.budgetMonthly)} (${percent(
            env.monthlyAfter / env.budgetMonthly,
          )}${env.overBudget ? ', OVER BUDGET' : ''})`;
    const range =
      env.range.low !== env.range.high
        ? `, range ${formatMoney(env.range.low)} .. ${formatMoney(
            env.range.high,
          )}`
        : '';
    lines.push(
      `  ${env.name} (${env.tier}, ${env.region}, ${env.change}): ${formatMoney(
        env.monthlyBefore,
      )} -> ${formatMoney(env.monthlyAfter)} (${formatMoney(env.delta, {
        signed: true,
      })})${range}; ${budget}${
        env.unpricedCount > 0 ? `; ${env.unpricedCount} not priced` : ''
      }`,
    );
  }
  if (details.workloads.length === 0) return lines;
  lines.push('');
  lines.push(
    'Workloads as a share of their node group (informational: the nodes are already counted above):',
  );
  for (const group of details.workloads) {
    const share =
      group.shareOfNodeGroup === null
        ? ''
        : ` (${percent(group.shareOfNodeGroup)})`;
    lines.push(
      `  ${group.environment}/${group.nodeGroup}, ${group.desiredNodes} x ${
        group.instanceType
      } = ${formatMoney(group.nodeGroupMonthly)}: requests ${formatMoney(
        group.requestedMonthly,
      )}${share}`,
    );
    for (const workload of group.workloads) {
      const replicas = workload.replicaRange
        ? `${workload.replicas} (${workload.replicaRange.min}-${workload.replicaRange.max})`
        : String(workload.replicas);
      lines.push(
        `    ${workload.name}: ${replicas} x ${formatMoney(
          workload.monthlyPerPod,
        )} = ${formatMoney(workload.monthly)} (${workload.dominantResource})`,
      );
    }
    for (const item of group.unpriced) {
      lines.push(`    ${item.name}: not priced, ${item.reason}`);
    }
  }
  return lines;
}
