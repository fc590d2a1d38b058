import { ComponentDraft, PricerContext, usageComponent } from './pricer';

/**
 * Data transfer out to the internet, priced at the first 10 TB tier. Only
 * added when the usage file sets `monthly_outbound_internet_gb`: egress
 * varies too much between workloads for a useful default.
 */
export function internetEgressComponents(
  context: PricerContext,
): ComponentDraft[] {
  const usage = context.usage.number('monthly_outbound_internet_gb');
  if (usage.source !== 'usage-file') return [];
  return [
    usageComponent(context, {
      name: 'Data transfer out to the internet',
      priceKey: 'transfer:internet-out',
      unit: 'GB',
      usageUnit: 'GB',
      usage,
    }),
  ];
}
