import type {
  EnvironmentTier,
  SubmitterKind,
} from '@gatehouse/plugin-approvals-common';
import { formatDuration } from '@gatehouse/plugin-cost-react';

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

/** A git commit as people quote it: its first 7 characters, as `git log --oneline` does. */
export const shortCommit = (commit: string) => commit.slice(0, 7);

/**
 * Whether a URL may be opened as a link: only http(s). Delivery links are
 * reported by pipelines and scaffolder tasks; anything else (a `javascript:`
 * URL, a path) is shown as text, never followed.
 */
export function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

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
