/** SLO rules: objectives that exist and are possible. */
import { parseDuration } from '../../units';
import type { EnvContext } from '../shared/ruleContext';
import { requireForTier } from '../shared/ruleHelpers';

/** Every SLO rule of one environment. */
export function checkSlos(ctx: EnvContext): void {
  const slos = ctx.env.slos;
  if (!slos) {
    requireForTier(
      ctx,
      'slos',
      ['slos'],
      'no service level objectives',
      'add slos: { availability: 99.9, latencyP95: 200ms, throughputRps: 500 }',
    );
    return;
  }
  const sink = ctx.sink.at('slos');
  if (!(slos.availability > 0 && slos.availability < 100)) {
    sink.error(
      'slo-ranges',
      ['availability'],
      `availability ${slos.availability}% is not an objective between 0 and 100 (exclusive)`,
      slos.availability >= 100
        ? '100% leaves no error budget; use 99.9 or 99.95'
        : 'write the percentage, e.g. 99.9',
    );
  }
  if (
    slos.errorRate !== undefined &&
    !(slos.errorRate >= 0 && slos.errorRate <= 100)
  ) {
    sink.error(
      'slo-ranges',
      ['errorRate'],
      `error rate ${slos.errorRate}% is not a percentage`,
      'write the percentage of failed requests, e.g. 0.1',
    );
  }
  if (slos.latencyP99) {
    const p95 = parseDuration(slos.latencyP95) ?? 0;
    const p99 = parseDuration(slos.latencyP99) ?? 0;
    if (p99 < p95) {
      sink.error(
        'slo-ranges',
        ['latencyP99'],
        `p99 latency ${slos.latencyP99} is below the p95 latency ${slos.latencyP95}`,
        'the 99th percentile is never faster than the 95th',
      );
    }
  }
}
