import type { ResourceCostEstimate } from '@gatehouse/plugin-cost-common';

/**
 * Counts a priced resource's components and those with an approximate price.
 * Both sides count, since both move the delta; a component that is the same
 * on both sides (same name, price key and unit price, as for an unchanged
 * resource or an update that leaves that line alone) counts once.
 */
export function countComponents(resource: ResourceCostEstimate): {
  priced: number;
  approximate: number;
} {
  const seen = new Set<string>();
  let priced = 0;
  let approximate = 0;
  for (const component of [
    ...resource.before.components,
    ...resource.after.components,
  ]) {
    const identity = [
      component.name,
      component.priceKey,
      component.unitPrice,
    ].join('\u0000');
    if (seen.has(identity)) continue;
    seen.add(identity);
    priced++;
    if (component.priceProvenance?.kind === 'approximate') approximate++;
  }
  return { priced, approximate };
}
