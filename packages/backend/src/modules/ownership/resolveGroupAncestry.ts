import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** Fetches entities by ref; missing ones come back undefined, as in the catalog API. */
export type EntityLookup = (
  refs: string[],
) => Promise<Array<Entity | undefined>>;

const toGroupRef = (ref: string) =>
  stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: 'default' }),
  );

/**
 * The user's own ref, the groups they are a member of, and every ancestor of
 * those groups (following `spec.parent`). A member of platform-approvers, a
 * child of platform-team, therefore also counts as platform-team: approvers and
 * owners are groups, and people expect membership of a sub-team to count.
 */
export async function resolveGroupAncestry(
  user: Entity,
  lookup: EntityLookup,
): Promise<string[]> {
  const refs = new Set<string>([stringifyEntityRef(user)]);
  const memberOf = (user.spec?.memberOf as string[] | undefined) ?? [];
  let frontier = memberOf.map(toGroupRef).filter(ref => !refs.has(ref));
  frontier.forEach(ref => refs.add(ref));
  // Breadth-first, one catalog round trip per level; the visited set stops cycles.
  while (frontier.length > 0) {
    const groups = await lookup(frontier);
    const parents = groups
      .map(group => group?.spec?.parent as string | undefined)
      .filter((parent): parent is string => Boolean(parent))
      .map(toGroupRef)
      .filter(ref => !refs.has(ref));
    frontier = [...new Set(parents)];
    frontier.forEach(ref => refs.add(ref));
  }
  return [...refs];
}
