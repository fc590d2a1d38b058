/** Rules on where the plan runs. */
import type { EnvContext } from '../shared/ruleContext';

/** The environment's region is one of the plan's `spec.regions` (`region-listed`). */
export function checkRegionListed(ctx: EnvContext): void {
  const { env, plan } = ctx;
  if (!plan.spec.regions.includes(env.region)) {
    ctx.sink.error(
      'region-listed',
      ['region'],
      `region ${
        env.region
      } is not listed in spec.regions (${plan.spec.regions.join(', ')})`,
      `add ${env.region} to spec.regions or fix the environment's region`,
    );
  }
}
