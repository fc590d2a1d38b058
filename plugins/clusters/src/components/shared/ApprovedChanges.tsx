import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import type { ServiceWorkloadHealth } from '@gatehouse/plugin-clusters-common';
import { Typography } from '@material-ui/core';
import { changeRequestRouteRef } from '../../routes';

/**
 * Which approved change each workload runs, from the change its manifest
 * names (`gatehouse.io/change-request`, written by Gatehouse's renderer):
 * what runs tied to what was approved. Workloads whose manifest names none
 * are listed as such: they were not deployed through Gatehouse's gate.
 */
export function ApprovedChanges(props: { health: ServiceWorkloadHealth }) {
  const requestLink = useRouteRef(changeRequestRouteRef);
  const { workloads } = props.health;
  if (!workloads.some(w => w.change)) return null;
  return (
    <Typography variant="caption" component="div" color="textSecondary">
      {workloads.map(w => (
        <div key={`${w.kind}/${w.name}`}>
          {w.kind}/{w.name}:{' '}
          {w.change ? (
            <>
              from change request{' '}
              {requestLink ? (
                <Link to={requestLink({ id: w.change.requestId })}>
                  {w.change.requestId.slice(0, 8)}
                </Link>
              ) : (
                w.change.requestId.slice(0, 8)
              )}{' '}
              <span style={{ fontFamily: 'monospace' }}>
                ({w.change.contentHash.slice(0, 12)})
              </span>
            </>
          ) : (
            'names no Gatehouse change'
          )}
        </div>
      ))}
    </Typography>
  );
}
