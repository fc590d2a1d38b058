import type { ServiceWorkloadHealth } from '@gatehouse/plugin-clusters-common';
import { Box, Typography } from '@material-ui/core';
import { ReasonChip } from './Chips';
import { plural } from './format';

/**
 * What is wrong with one service on one cluster: workloads short of
 * replicas, failing pods with Kubernetes' reason, HPAs at their maximum.
 */
export function ServiceProblems(props: { health: ServiceWorkloadHealth }) {
  const { health } = props;
  const short = health.workloads.filter(w => w.ready < w.desired);
  return (
    <Box display="flex" flexDirection="column" style={{ gap: 4 }}>
      {short.map(w => (
        <Typography key={`${w.kind}/${w.namespace}/${w.name}`} variant="body2">
          {w.kind} {w.name}: {w.ready} of {plural(w.desired, 'replica')} ready
        </Typography>
      ))}
      {health.failingPods.map(pod => (
        <Box
          key={`${pod.namespace}/${pod.name}`}
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 6 }}
          aria-label={`Failing pod ${pod.name}`}
        >
          <ReasonChip reason={pod.reason} />
          <Typography variant="body2" component="span">
            <code>{pod.name}</code>
            {pod.restarts > 0 && ` · ${plural(pod.restarts, 'restart')}`}
          </Typography>
          <Typography
            variant="caption"
            color="textSecondary"
            component="span"
            style={{ flexBasis: '100%' }}
          >
            {pod.message}
          </Typography>
        </Box>
      ))}
      {health.hpasAtMaximum.map(hpa => (
        <Typography
          key={`${hpa.namespace}/${hpa.name}`}
          variant="body2"
          aria-label={`HPA at maximum ${hpa.name}`}
        >
          HPA {hpa.name} at its maximum: {hpa.currentReplicas} of{' '}
          {hpa.maxReplicas} replicas ({hpa.target})
          {hpa.message && (
            <Typography
              variant="caption"
              color="textSecondary"
              component="span"
            >
              {' '}
              — {hpa.message}
            </Typography>
          )}
        </Typography>
      ))}
    </Box>
  );
}
