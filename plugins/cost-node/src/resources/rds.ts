import { HOURS_PER_MONTH } from '@gatehouse/plugin-cost-common';
import {
  SupportProduct,
  instanceShape,
} from '@gatehouse/plugin-infra-plans-common';
import type { PlanResourceChange } from '../terraform/parseTerraformPlan';
import { supportBilling } from './extendedSupport';
import {
  ComponentDraft,
  Pricer,
  PricerContext,
  UnpricedError,
  component,
  knownNumber,
  optionalBoolean,
  optionalNumber,
  optionalString,
  requireNumber,
  requireString,
  usageComponent,
} from './pricer';

/** Terraform engine names → price-key engine and support calendar. */
const ENGINES: Record<
  string,
  { key: string; label: string; calendar: SupportProduct }
> = {
  postgres: { key: 'postgres', label: 'PostgreSQL', calendar: 'rds-postgres' },
  mysql: { key: 'mysql', label: 'MySQL', calendar: 'rds-mysql' },
};

/**
 * vCPUs of a DB instance class, from the spec of its EC2 counterpart
 * (`db.r6g.large` → `r6g.large`) in the price book, else from the shape
 * of the current instance families.
 */
function dbClassVcpus(context: PricerContext, instanceClass: string) {
  const ec2Type = instanceClass.replace(/^db\./, '');
  return (
    context.priceBook.instanceSpec(ec2Type)?.vcpu ??
    instanceShape(ec2Type)?.vcpu
  );
}

/**
 * The RDS Extended Support charge, per vCPU-hour of every instance (a
 * Multi-AZ standby too), when the engine version is in extended support on
 * the estimate's date; nothing otherwise.
 */
function extendedSupportComponents(
  context: PricerContext,
  engine: { label: string; calendar: SupportProduct },
  instanceClass: string,
  azFactor: number,
  deployment: string,
): ComponentDraft[] {
  const version = optionalString(context, ['engine_version']);
  if (!version) return [];
  const billing = supportBilling(
    context,
    engine.calendar,
    engine.label,
    version,
  );
  if (billing.phase !== 'extended') return [];
  const vcpus = dbClassVcpus(context, instanceClass);
  if (vcpus === undefined) {
    context.note(
      `the vCPU count of ${instanceClass} is not known, so its RDS Extended Support charge is not in the estimate`,
    );
    return [];
  }
  const band = billing.year <= 2 ? 'yr1-yr2' : 'yr3';
  return [
    component(context, {
      name: `RDS Extended Support (${engine.label} ${version}, year ${billing.year}, ${vcpus} vCPU, ${deployment})`,
      priceKey: `rds:extended-support:${band}`,
      unit: 'vCPU-hours',
      monthlyQuantity: vcpus * HOURS_PER_MONTH,
      priceFactor: azFactor,
    }),
  ];
}

/** gp3 baseline performance included in the storage price (PostgreSQL, MySQL). */
function gp3Baseline(storageGb: number) {
  return storageGb < 400
    ? { iops: 3000, throughput: 125 }
    : { iops: 12000, throughput: 500 };
}

function valuesOnSide(change: PlanResourceChange, side: 'before' | 'after') {
  return side === 'after'
    ? change.after ?? change.before
    : change.before ?? change.after;
}

/**
 * A read replica inherits engine and storage from its source. The source is
 * found by identifier or ARN among the plan's databases, else through the
 * configuration reference.
 */
function replicaSource(context: PricerContext, sourceId: string | undefined) {
  const { plan, resource } = context;
  const type = 'aws_db_instance';
  return (
    (sourceId
      ? plan.findByAttribute(type, 'identifier', sourceId) ??
        plan.findByAttribute(type, 'arn', sourceId)
      : undefined) ??
    plan.resolveReference(resource, ['replicate_source_db'], type)
  );
}

/**
 * aws_db_instance for PostgreSQL and MySQL: instance hours, storage,
 * provisioned IOPS/throughput and backup storage beyond the free allowance.
 * Multi-AZ doubles instance, storage and IOPS prices. Read replicas
 * (`replicate_source_db`) are priced like instances of their source's engine.
 */
export const priceDbInstance: Pricer = context => {
  const replicaOf = optionalString(context, ['replicate_source_db']);
  const isReplica =
    replicaOf !== undefined ||
    context.attributes.lookup(['replicate_source_db']).state === 'unknown';
  let engineName = optionalString(context, ['engine']);
  let sourceStorage: number | undefined;
  let sourceStorageType: string | undefined;
  if (isReplica) {
    const source = replicaSource(context, replicaOf);
    const sourceValues = source
      ? valuesOnSide(source, context.side)
      : undefined;
    if (!engineName && typeof sourceValues?.engine === 'string')
      engineName = sourceValues.engine;
    if (typeof sourceValues?.allocated_storage === 'number')
      sourceStorage = sourceValues.allocated_storage;
    if (typeof sourceValues?.storage_type === 'string')
      sourceStorageType = sourceValues.storage_type;
    if (!engineName) {
      throw new UnpricedError(
        `read replica engine is unknown: source database ${
          replicaOf ?? '(unknown until apply)'
        } is not in this plan`,
      );
    }
  }
  if (!engineName) engineName = requireString(context, ['engine']);
  const engine = ENGINES[engineName];
  if (!engine) {
    throw new UnpricedError(
      `RDS engine "${engineName}" is not priced (PostgreSQL and MySQL only)`,
    );
  }

  const instanceClass = requireString(context, ['instance_class']);
  const multiAz = optionalBoolean(context, ['multi_az'], false);
  const azFactor = multiAz ? 2 : 1;
  const deployment = multiAz ? 'Multi-AZ' : 'Single-AZ';
  const role = isReplica ? ', read replica' : '';
  const storageGb =
    isReplica &&
    knownNumber(context, ['allocated_storage']) === undefined &&
    sourceStorage !== undefined
      ? sourceStorage
      : requireNumber(context, ['allocated_storage']);
  const iops = knownNumber(context, ['iops']);
  // AWS defaults to io1 when IOPS are given, else gp2; replicas inherit.
  const storageType =
    (isReplica && context.attributes.lookup(['storage_type']).state !== 'known'
      ? sourceStorageType
      : undefined) ??
    optionalString(context, ['storage_type'], iops ? 'io1' : 'gp2');

  const components: ComponentDraft[] = [
    component(context, {
      name: `Database instance (${engine.label}, ${instanceClass}, ${deployment}${role})`,
      priceKey: `rds:${engine.key}:${instanceClass}`,
      unit: 'hours',
      monthlyQuantity: HOURS_PER_MONTH,
      priceFactor: azFactor,
    }),
    component(context, {
      name: `Storage (${storageType}, ${deployment})`,
      priceKey: `rds:storage:${storageType}`,
      unit: 'GB-months',
      monthlyQuantity: storageGb,
      priceFactor: azFactor,
    }),
    ...extendedSupportComponents(
      context,
      engine,
      instanceClass,
      azFactor,
      deployment,
    ),
  ];

  if (storageType === 'io1') {
    components.push(
      component(context, {
        name: `Provisioned IOPS (io1, ${deployment})`,
        priceKey: 'rds:iops:io1',
        unit: 'IOPS-months',
        monthlyQuantity: requireNumber(context, ['iops']),
        priceFactor: azFactor,
      }),
    );
  } else if (storageType === 'gp3') {
    const baseline = gp3Baseline(storageGb);
    const extraIops = Math.max(0, (iops ?? baseline.iops) - baseline.iops);
    const throughput =
      knownNumber(context, ['storage_throughput']) ?? baseline.throughput;
    const extraThroughput = Math.max(0, throughput - baseline.throughput);
    if (extraIops > 0) {
      components.push(
        component(context, {
          name: `Provisioned IOPS above gp3 baseline (${deployment})`,
          priceKey: 'rds:iops:gp3',
          unit: 'IOPS-months',
          monthlyQuantity: extraIops,
          priceFactor: azFactor,
        }),
      );
    }
    if (extraThroughput > 0) {
      components.push(
        component(context, {
          name: `Provisioned throughput above gp3 baseline (${deployment})`,
          priceKey: 'rds:throughput:gp3',
          unit: 'MBps-months',
          monthlyQuantity: extraThroughput,
          priceFactor: azFactor,
        }),
      );
    }
  }

  // Backup storage up to the provisioned storage is free; beyond it is
  // usage-based. Default: nothing beyond the allowance, up to as much again.
  const retentionDays = optionalNumber(
    context,
    ['backup_retention_period'],
    isReplica ? 0 : 1,
  );
  if (retentionDays > 0) {
    const usage = context.usage.number('additional_backup_storage_gb', {
      typical: 0,
      low: 0,
      high: storageGb,
    });
    components.push(
      usageComponent(context, {
        name: 'Backup storage beyond the free allowance',
        priceKey: 'rds:backup',
        unit: 'GB-months',
        usageUnit: 'GB',
        usage,
      }),
    );
  }
  return components;
};
