/**
 * Suggestions for a type name nobody knows: the closest known names, those
 * of the same family (`t3` in `t3.gigantic`, `r6g` in `db.r6g.huge`) first,
 * then by edit distance.
 */

/** Levenshtein distance: insertions, deletions and substitutions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The family of a type name: the part before the size, without the service
 * prefix (`m6i.xlarge` → `m6i`, `db.r6g.large` → `r6g`,
 * `cache.t4g.micro` → `t4g`).
 */
export function familyOf(name: string): string {
  const parts = name.split('.');
  return parts.length > 2 ? parts[1] : parts[0];
}

/** The `count` known names nearest to `name`, same family first. */
export function nearestKnown(
  name: string,
  known: readonly string[],
  count = 3,
): string[] {
  const family = familyOf(name);
  return known
    .map(candidate => ({
      candidate,
      otherFamily: familyOf(candidate) === family ? 0 : 1,
      distance: editDistance(name, candidate),
    }))
    .sort(
      (a, b) =>
        a.otherFamily - b.otherFamily ||
        a.distance - b.distance ||
        a.candidate.localeCompare(b.candidate),
    )
    .slice(0, count)
    .map(c => c.candidate);
}
