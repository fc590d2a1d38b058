import type {
  EnvironmentTier,
  SubmitterKind,
} from '@gatehouse/plugin-approvals-common';

const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** A monthly cost change, always signed: "+$120.50/mo", "−$8.00/mo", "$0.00/mo". */
export function formatCostDelta(delta: number | null | undefined): string {
  if (delta === null || delta === undefined || Number.isNaN(delta)) return '—';
  const rounded = Math.round(delta * 100) / 100;
  let sign = '';
  if (rounded > 0) sign = '+';
  else if (rounded < 0) sign = '−';
  return `${sign}${usd.format(Math.abs(rounded))}/mo`;
}

/** Red for a change that costs more, green for one that saves. */
export function costDeltaColor(
  delta: number | null | undefined,
): string | undefined {
  if (delta === null || delta === undefined) return undefined;
  if (delta > 0.005) return '#c62828';
  if (delta < -0.005) return '#2e7d32';
  return undefined;
}

/** A duration, compactly: "45m", "5h", "3d 4h". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days}d ${rest}h` : `${days}d`;
}

/** How long ago, compactly: "45m", "5h", "3d 4h". */
export function formatAge(from: string, now: number = Date.now()): string {
  const start = new Date(from).getTime();
  return Number.isNaN(start) ? '—' : formatDuration(now - start);
}

/** An absolute time people can read, in their locale. */
export function formatTime(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toLocaleString();
}

/** Relative time, past or future: "in 3d 2h", "5h ago". */
export function formatRelative(at: string, now: number = Date.now()): string {
  const time = new Date(at).getTime();
  if (Number.isNaN(time)) return '';
  return time >= now
    ? `in ${formatDuration(time - now)}`
    : `${formatDuration(now - time)} ago`;
}

/** The first 12 characters of a content hash: enough to tell revisions apart. */
export const shortHash = (hash: string) => hash.slice(0, 12);

/** "user:default/jane.doe" → "jane.doe"; anything else is shown as is. */
export function displayRef(ref: string): string {
  const match = /^[a-z]+:(?:default\/)?(.+)$/i.exec(ref);
  return match ? match[1] : ref;
}

export const SUBMITTER_KIND_LABELS: Record<SubmitterKind, string> = {
  user: 'person',
  pipeline: 'CI pipeline',
  agent: 'automation agent',
};

/** "jane.doe", or "deploy-bot (CI pipeline)" for submitters that are not people. */
export function displaySubmitter(ref: string, kind: SubmitterKind): string {
  return kind === 'user'
    ? displayRef(ref)
    : `${displayRef(ref)} (${SUBMITTER_KIND_LABELS[kind] ?? kind})`;
}

/**
 * The environment with its tier when the name does not say it: "live
 * (production tier)". Requests stored before tiers were resolved show only
 * their name: their tier is not known.
 */
export function displayEnvironment(r: {
  environment: string;
  tier?: EnvironmentTier | null;
}): string {
  return r.tier && r.tier !== r.environment
    ? `${r.environment} (${r.tier} tier)`
    : r.environment;
}
