/** The disaster recovery's parts of the generated documents. */
import type { DeploymentEnvironment } from '../../documents/deploymentArchitecturePlan';
import { facts, yesNo } from '../../documents/markdown';
import type { EnvironmentPlan } from '../../schema';

/** `Infrastructure_Requirements.md`: objectives, strategy, backups, replication and testing. */
export function disasterRecoveryRequirements(env: EnvironmentPlan): string {
  const dr = env.disasterRecovery;
  return [
    '### Disaster recovery\n\n',
    dr
      ? facts([
          ['RPO', dr.rpo],
          ['RTO', dr.rto],
          ['Strategy', dr.strategy],
          ['DR region', dr.drRegion],
          [
            'Backups',
            dr.backups &&
              [
                dr.backups.frequency ? `every ${dr.backups.frequency}` : '',
                dr.backups.retention ? `kept ${dr.backups.retention}` : '',
                dr.backups.crossRegionCopy ? 'copied cross-region' : '',
              ]
                .filter(Boolean)
                .join(', '),
          ],
          ['Database replication', dr.replication?.database],
          [
            'Object storage replication',
            dr.replication && yesNo(dr.replication.objectStorage),
          ],
          ['DR test cadence', dr.testCadence],
          ['Runbook', dr.runbook],
        ])
      : '_Not specified._\n',
  ].join('');
}

/** `Deployment_Architecture_Plan.json`: the environment's `disasterRecovery`. */
export function disasterRecoveryDeployment(
  env: EnvironmentPlan,
): DeploymentEnvironment['disasterRecovery'] {
  const dr = env.disasterRecovery;
  if (!dr) return null;
  return {
    rpo: dr.rpo,
    rto: dr.rto,
    strategy: dr.strategy,
    drRegion: dr.drRegion ?? null,
    testCadence: dr.testCadence,
  };
}
