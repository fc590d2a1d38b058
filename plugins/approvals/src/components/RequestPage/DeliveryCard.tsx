import { InfoCard, Link } from '@backstage/core-components';
import type { ChangeRequest } from '@gatehouse/plugin-approvals-common';
import {
  Step,
  StepLabel,
  Stepper,
  Typography,
  useMediaQuery,
  useTheme,
} from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import { ReactNode } from 'react';
import {
  displayEnvironment,
  displayRef,
  formatRelative,
  formatTime,
  isWebLink,
  shortCommit,
} from '../shared/format';
import {
  deliveryLinkName,
  DeliveryStepView,
  deliverySteps,
} from './deliverySteps';

const Line = (props: { children: ReactNode }) => (
  // StepLabel's content is a <span>: every line stays a span.
  <Typography
    component="span"
    display="block"
    variant="caption"
    color="textSecondary"
  >
    {props.children}
  </Typography>
);

/** When, who, where and which commit of a recorded step; or what it waits for. */
function StepDetails(props: { step: DeliveryStepView; now: number }) {
  const { step, now } = props;
  const event = step.event;
  if (!event) return <Line>{step.note}</Line>;
  return (
    <>
      <Line>
        <time dateTime={event.occurredAt}>{formatTime(event.occurredAt)}</time>{' '}
        ({formatRelative(event.occurredAt, now)})
      </Line>
      <Line>by {displayRef(event.actor)}</Line>
      {event.link && (
        <Line>
          {isWebLink(event.link) ? (
            <Link to={event.link} rel="noopener noreferrer">
              {deliveryLinkName(event.step, event.link)}
            </Link>
          ) : (
            // Not a web address: shown, never followed.
            <span style={{ wordBreak: 'break-all' }}>{event.link}</span>
          )}
        </Line>
      )}
      {event.commit && (
        <Line>
          commit{' '}
          <span style={{ fontFamily: 'monospace' }} title={event.commit}>
            {shortCommit(event.commit)}
          </span>
        </Line>
      )}
      {event.detail && step.state !== 'failed' && <Line>{event.detail}</Line>}
    </>
  );
}

/**
 * An approved change's way to its environment: proposed where the
 * environment's repository lives, merged into its target branch, applied by
 * the pipeline (or failed), and live once something reports it. Steps not
 * reached say what Gatehouse is waiting for and how it will know.
 */
export function DeliveryCard(props: {
  request: ChangeRequest;
  /** The time relative times are told from; the clock by default. */
  now?: number;
}) {
  const { request: r } = props;
  const now = props.now ?? Date.now();
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('xs'));
  const steps = deliverySteps(r.delivery, { hasFollowUp: r.followUp !== null });
  const failed = steps.find(step => step.state === 'failed');
  return (
    <div data-testid="delivery-card">
      <InfoCard
        title="Delivery"
        subheader={`The approved change on its way to ${displayEnvironment(r)}`}
      >
        <Stepper
          // Nothing is "active": each step is reached, failed or not yet.
          activeStep={-1}
          alternativeLabel={!narrow}
          orientation={narrow ? 'vertical' : 'horizontal'}
          style={{ padding: 0, background: 'transparent' }}
        >
          {steps.map(step => (
            <Step
              key={step.slot}
              role="group"
              aria-label={step.label}
              completed={step.state === 'reached'}
              disabled={step.state === 'waiting' || step.state === 'unrecorded'}
            >
              <StepLabel
                error={step.state === 'failed'}
                optional={<StepDetails step={step} now={now} />}
              >
                {step.label}
              </StepLabel>
            </Step>
          ))}
        </Stepper>
        {failed?.event && (
          <Alert severity="error" style={{ marginTop: 16 }}>
            <AlertTitle>Applying the change failed</AlertTitle>
            {failed.event.detail ??
              'The pipeline reported that applying the change failed.'}{' '}
            A pipeline run that succeeds reports the change applied with{' '}
            <code>gatehouse gate report</code>.
          </Alert>
        )}
      </InfoCard>
    </div>
  );
}
