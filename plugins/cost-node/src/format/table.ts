import {
  CostEstimate,
  CostRange,
  ResourceCostEstimate,
  formatMoney,
} from '@gatehouse/plugin-cost-common';
import { formatInfraPlanSummary } from '../infraPlan/formatInfraPlanSummary';

/**
 * Options of {@link formatEstimateTable}.
 *
 * @public
 */
export type FormatEstimateTableOptions = {
  /** List cost components under each resource (default true). */
  components?: boolean;
  /** List resources whose action is no-op (default true). */
  unchanged?: boolean;
};

/** Quantities: up to 4 decimals, trailing zeros dropped, grouped thousands. */
function formatQuantity(value: number): string {
  const [whole, fraction] = (Math.round(value * 1e4) / 1e4)
    .toFixed(4)
    .split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction.replace(/0+$/, '');
  return trimmed ? `${grouped}.${trimmed}` : grouped;
}

/** Unit prices are shown as in the pricing file (up to 6 decimals). */
function formatUnitPrice(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

function formatRange(range: CostRange | undefined): string {
  return range ? `${formatMoney(range.low)} .. ${formatMoney(range.high)}` : '';
}

const ACTION_LABELS: Record<string, string> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  replace: 'replace',
  'no-op': 'no-op',
  read: 'read',
  forget: 'forget',
};

type Row = { cells: string[]; details: string[] };

/** Ends every component line whose price is approximate. */
const APPROXIMATE_MARKER = '[approximate price]';

function approximateCell(count: number): string {
  return count > 0 ? `${count} approximate` : '';
}

/**
 * The closing lines on price provenance: how many components use
 * approximate prices and, for each such price, why it is approximate.
 */
function formatProvenance(estimate: CostEstimate): string[] {
  const { pricedComponents, approximateComponents } = estimate.totals;
  if (pricedComponents === undefined || approximateComponents === undefined) {
    return [
      '',
      'Price provenance was not recorded for this estimate; some prices may be approximate.',
    ];
  }
  const lines = [
    '',
    `${approximateComponents} of ${pricedComponents} component${
      pricedComponents === 1 ? '' : 's'
    } use approximate prices${
      approximateComponents > 0
        ? ` (marked ${APPROXIMATE_MARKER}), not checked against the AWS price list:`
        : '.'
    }`,
  ];
  // Price keys by reason, so a reason shared by many prices is said once.
  const keysByReason = new Map<string, Set<string>>();
  for (const resource of estimate.resources) {
    for (const component of [
      ...resource.before.components,
      ...resource.after.components,
    ]) {
      const provenance = component.priceProvenance;
      if (provenance?.kind !== 'approximate') continue;
      const keys = keysByReason.get(provenance.reason) ?? new Set<string>();
      keys.add(component.priceKey);
      keysByReason.set(provenance.reason, keys);
    }
  }
  for (const [reason, keys] of keysByReason) {
    lines.push(`  ${[...keys].join(', ')}: ${reason}`);
  }
  return lines;
}

/**
 * Renders an estimate as fixed-width text for a terminal: one row per priced
 * resource with its components, totals, then unpriced and free resources.
 * Amounts are rounded to cents here and only here.
 *
 * @public
 */
export function formatEstimateTable(
  estimate: CostEstimate,
  options: FormatEstimateTableOptions = {},
): string {
  const showComponents = options.components ?? true;
  const showUnchanged = options.unchanged ?? true;
  // The "Prices" column only appears when some price is approximate, so
  // that a table of sourced prices reads as before.
  const marksApproximate = (estimate.totals.approximateComponents ?? 0) > 0;
  const header = [
    'Resource',
    'Action',
    'Before',
    'After',
    'Delta',
    'Range (after)',
    ...(marksApproximate ? ['Prices'] : []),
  ];
  const rows: Row[] = [];

  const listed = estimate.resources.filter(
    (resource: ResourceCostEstimate) =>
      resource.status === 'priced' &&
      (showUnchanged || resource.action !== 'no-op'),
  );
  for (const resource of listed) {
    const details: string[] = [];
    if (showComponents) {
      const side =
        resource.action === 'delete' ? resource.before : resource.after;
      for (const component of side.components) {
        const range = component.range
          ? `  (${formatRange(component.range)})`
          : '';
        const approximate =
          component.priceProvenance?.kind === 'approximate'
            ? `  ${APPROXIMATE_MARKER}`
            : '';
        details.push(
          `    ${component.name}: ${formatQuantity(
            component.monthlyQuantity,
          )} ${component.unit} x ${formatUnitPrice(
            component.unitPrice,
          )} = ${formatMoney(component.monthlyCost)}${range}${approximate}`,
        );
      }
    }
    for (const note of resource.notes ?? []) {
      details.push(`    note: ${note}`);
    }
    rows.push({
      cells: [
        resource.address,
        ACTION_LABELS[resource.action],
        formatMoney(resource.before.monthly),
        formatMoney(resource.after.monthly),
        formatMoney(resource.delta, { signed: true }),
        formatRange(resource.range),
        ...(marksApproximate
          ? [approximateCell(resource.approximateComponents ?? 0)]
          : []),
      ],
      details,
    });
  }

  const { totals } = estimate;
  const totalCells = [
    'Total',
    '',
    formatMoney(totals.monthlyBefore),
    formatMoney(totals.monthlyAfter),
    formatMoney(totals.delta, { signed: true }),
    totals.range.low !== totals.range.high ? formatRange(totals.range) : '',
    ...(marksApproximate
      ? [approximateCell(totals.approximateComponents ?? 0)]
      : []),
  ];

  const widths = header.map((title, column) =>
    Math.max(
      title.length,
      totalCells[column].length,
      ...rows.map(row => row.cells[column].length),
    ),
  );
  const rightAligned = new Set([2, 3, 4]);
  const renderLine = (cells: string[]) =>
    cells
      .map((cell, column) =>
        rightAligned.has(column)
          ? cell.padStart(widths[column])
          : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd();

  const lines: string[] = [];
  lines.push(
    `Monthly cost estimate in ${estimate.currency} (${estimate.hoursPerMonth} hours a month), pricing ${estimate.pricingVersion} (effective ${estimate.pricingEffectiveDate}), region ${estimate.region}`,
  );
  lines.push('');
  lines.push(renderLine(header));
  lines.push(renderLine(widths.map(width => '-'.repeat(width))));
  for (const row of rows) {
    lines.push(renderLine(row.cells));
    lines.push(...row.details);
  }
  lines.push(renderLine(widths.map(width => '-'.repeat(width))));
  lines.push(renderLine(totalCells));
  if (totals.deltaRange.low !== totals.deltaRange.high) {
    lines.push(
      `Delta range: ${formatMoney(totals.deltaRange.low, {
        signed: true,
      })} .. ${formatMoney(totals.deltaRange.high, { signed: true })}`,
    );
  }

  if (estimate.unpriced.length > 0) {
    lines.push('');
    lines.push(
      `Not priced (${estimate.unpriced.length}), excluded from the totals:`,
    );
    for (const item of estimate.unpriced) {
      lines.push(`  ${item.address} (${item.action}): ${item.reason}`);
    }
  }
  const { summary } = estimate;
  if (summary.counts.free > 0) {
    lines.push('');
    lines.push(
      `Free: ${summary.counts.free} resource${
        summary.counts.free === 1 ? '' : 's'
      } (data sources and types with no charge of their own)`,
    );
  }
  if (estimate.infraPlan) {
    lines.push(...formatInfraPlanSummary(estimate.infraPlan));
  }
  for (const warning of estimate.warnings) {
    lines.push(`Warning: ${warning}`);
  }
  lines.push(...formatProvenance(estimate));
  lines.push('');
  lines.push(
    `Plan: ${summary.create} to create, ${summary.update} to update, ${summary.replace} to replace, ${summary.delete} to delete, ${summary.noop} unchanged.`,
  );
  return `${lines.join('\n')}\n`;
}
