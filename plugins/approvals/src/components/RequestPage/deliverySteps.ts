import {
  DELIVERY_STAGE,
  type Delivery,
  type DeliveryEvent,
  type DeliveryStep,
} from '@gatehouse/plugin-approvals-common';

/**
 * How a step of the delivery stands: reached (its event is recorded), failed
 * (the pipeline reported the change failed to apply), waiting (nothing yet),
 * or unrecorded (a later step was reported, so the delivery went past it
 * without an event of its own, e.g. the pipeline reported "applied" before
 * the repository watcher saw the merge).
 */
export type DeliveryStepState = 'reached' | 'failed' | 'waiting' | 'unrecorded';

/** One step as the delivery card shows it. */
export type DeliveryStepView = {
  /** The slot on the way: applied and failed share one. */
  slot: 'proposed' | 'merged' | 'outcome' | 'live';
  label: string;
  state: DeliveryStepState;
  event: DeliveryEvent | null;
  /** For a step not reached: what Gatehouse waits for and how it will know. */
  note: string | null;
};

const STAGE = DELIVERY_STAGE;

const NOT_RECORDED = 'Not recorded: a later step was reported first';

export const WAITING_FOR = {
  proposalByFollowUp:
    "Not proposed yet: the follow-up proposes the change where the environment's repository lives",
  proposalWithoutFollowUp:
    "Not proposed yet: this request has no follow-up, so the change is proposed where the environment's repository lives by whoever delivers it",
  merge:
    "Waiting for the merge into the target branch of the environment's repository: Gatehouse reads that branch, and looks at once when a forge webhook calls",
  applied:
    'Waiting for the pipeline to report the change applied, with gatehouse gate report',
  live: 'Waiting for the workloads whose manifests name this change to be ready in the clusters',
} as const;

/** The last recorded event of any of these steps (events are kept in the order they were recorded). */
function lastOf(
  events: DeliveryEvent[],
  steps: DeliveryStep[],
): DeliveryEvent | null {
  for (let i = events.length - 1; i >= 0; i--) {
    if (steps.includes(events[i].step)) return events[i];
  }
  return null;
}

/**
 * The steps of an approved change's delivery: proposed, merged, applied (or
 * failed), and live (the approvals backend sees the workloads that carry the
 * change ready in the clusters).
 */
export function deliverySteps(
  delivery: Delivery | null,
  options: { hasFollowUp: boolean },
): DeliveryStepView[] {
  const events = delivery?.events ?? [];
  const stage = delivery ? STAGE[delivery.state] ?? -1 : -1;
  // A step with no event of its own: passed over, or still ahead.
  const notReached = (stepStage: number, waiting: string) =>
    stage > stepStage
      ? { state: 'unrecorded' as const, note: NOT_RECORDED }
      : { state: 'waiting' as const, note: waiting };

  const proposed = lastOf(events, ['proposed']);
  const merged = lastOf(events, ['merged']);
  const outcome = lastOf(events, ['applied', 'failed']);
  const live = lastOf(events, ['live']);

  const steps: DeliveryStepView[] = [
    {
      slot: 'proposed',
      label: 'Proposed',
      event: proposed,
      ...(proposed
        ? { state: 'reached', note: null }
        : notReached(
            STAGE.proposed,
            options.hasFollowUp
              ? WAITING_FOR.proposalByFollowUp
              : WAITING_FOR.proposalWithoutFollowUp,
          )),
    },
    {
      slot: 'merged',
      label: 'Merged',
      event: merged,
      ...(merged
        ? { state: 'reached', note: null }
        : notReached(STAGE.merged, WAITING_FOR.merge)),
    },
    {
      slot: 'outcome',
      label: outcome?.step === 'failed' ? 'Failed' : 'Applied',
      event: outcome,
      ...(outcome
        ? {
            state: outcome.step === 'failed' ? 'failed' : 'reached',
            note: null,
          }
        : notReached(STAGE.applied, WAITING_FOR.applied)),
    },
  ];
  steps.push({
    slot: 'live',
    label: 'Live',
    event: live,
    ...(live
      ? { state: 'reached' as const, note: null }
      : { state: 'waiting' as const, note: WAITING_FOR.live }),
  });
  return steps;
}

const PULL_REQUEST = /\/(pull|pulls|pull-requests)\/\d+/;
const MERGE_REQUEST = /\/merge_requests\/\d+/;
const COMMIT = /\/commits?\/[0-9a-f]{7,64}\b/i;
const BRANCH = /\/(tree|branches?|src\/branch)\//;

/**
 * What a step's link is, in words, for the link's name: the pull request or
 * branch the change was proposed on, the merge commit, the pipeline's log.
 */
export function deliveryLinkName(step: DeliveryStep, url: string): string {
  if (step === 'applied' || step === 'failed') return 'Pipeline log';
  if (step === 'live') return 'Where it runs';
  if (MERGE_REQUEST.test(url)) return 'Merge request';
  if (PULL_REQUEST.test(url)) return 'Pull request';
  if (COMMIT.test(url)) return step === 'merged' ? 'Merge commit' : 'Commit';
  if (BRANCH.test(url)) return 'Branch';
  return step === 'merged' ? 'Merge' : 'Proposal';
}
