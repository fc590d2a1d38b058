/** The SLOs of a preset environment (staging and production). */
import type { PresetContext } from '../shared/presetContext';
import type { SlosPlan } from './schema';

export function presetSlos(ctx: PresetContext): SlosPlan {
  const production = ctx.tier === 'production';
  return {
    availability: production ? 99.9 : 99.5,
    latencyP95: '300ms',
    ...(production ? { latencyP99: '1s', throughputRps: 500 } : {}),
    errorRate: 1,
    window: '30d',
  };
}
