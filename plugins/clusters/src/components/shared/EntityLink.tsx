import { Link } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ReactNode } from 'react';

/** The path of an entity's page (or one of its tabs), or null when there is no catalog page. */
export function useEntityPath() {
  const entityRoute = useRouteRef(entityRouteRef);
  return (entityRef: string, tab?: string): string | null => {
    if (!entityRoute) return null;
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const path = entityRoute({
      kind: kind.toLocaleLowerCase('en-US'),
      namespace,
      name,
    });
    return tab ? `${path}/${tab}` : path;
  };
}

/** A link to an entity's page (or a tab of it); plain text when there is none. */
export function EntityLink(props: {
  entityRef: string | null;
  tab?: string;
  children: ReactNode;
}) {
  const pathOf = useEntityPath();
  const path = props.entityRef ? pathOf(props.entityRef, props.tab) : null;
  return path ? <Link to={path}>{props.children}</Link> : <>{props.children}</>;
}
