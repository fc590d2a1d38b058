import type { DeliveryEvent } from '@gatehouse/plugin-approvals-common';
import { deliveryEvent } from '../../__testUtils__/fixtures';
import { deliveryLinkName, deliverySteps, WAITING_FOR } from './deliverySteps';

const delivery = (...events: DeliveryEvent[]) => ({
  state: events[events.length - 1].step,
  events,
});

const shape = (steps: ReturnType<typeof deliverySteps>) =>
  steps.map(s => [s.label, s.state, s.event?.step ?? null]);

describe('deliverySteps', () => {
  it('waits for every step before anything is recorded', () => {
    const steps = deliverySteps(null, { hasFollowUp: true });
    expect(shape(steps)).toEqual([
      ['Proposed', 'waiting', null],
      ['Merged', 'waiting', null],
      ['Applied', 'waiting', null],
      ['Live', 'waiting', null],
    ]);
    expect(steps.map(s => s.note)).toEqual([
      WAITING_FOR.proposalByFollowUp,
      WAITING_FOR.merge,
      WAITING_FOR.applied,
      WAITING_FOR.live,
    ]);
  });

  it('marks reached steps and keeps waiting for the rest', () => {
    const steps = deliverySteps(
      delivery(
        deliveryEvent({ step: 'proposed' }),
        deliveryEvent({ step: 'merged' }),
      ),
      { hasFollowUp: false },
    );
    expect(shape(steps)).toEqual([
      ['Proposed', 'reached', 'proposed'],
      ['Merged', 'reached', 'merged'],
      ['Applied', 'waiting', null],
      ['Live', 'waiting', null],
    ]);
    expect(steps[2].note).toBe(WAITING_FOR.applied);
  });

  it('puts the latest outcome in the applied slot: failed, then applied after a rerun', () => {
    const failed = deliveryEvent({ step: 'failed', detail: 'boom' });
    expect(
      shape(deliverySteps(delivery(failed), { hasFollowUp: true })),
    ).toEqual([
      ['Proposed', 'unrecorded', null],
      ['Merged', 'unrecorded', null],
      ['Failed', 'failed', 'failed'],
      ['Live', 'waiting', null],
    ]);
    const applied = deliveryEvent({ step: 'applied' });
    expect(
      shape(deliverySteps(delivery(failed, applied), { hasFollowUp: true }))[2],
    ).toEqual(['Applied', 'reached', 'applied']);
  });

  it('lists live as reached once the clusters run the change, and as waiting before', () => {
    const steps = deliverySteps(
      delivery(
        deliveryEvent({ step: 'applied' }),
        deliveryEvent({ step: 'live' }),
      ),
      { hasFollowUp: true },
    );
    expect(steps.map(s => s.label)).toEqual([
      'Proposed',
      'Merged',
      'Applied',
      'Live',
    ]);
    expect(steps[3].state).toBe('reached');
    const applied = deliverySteps(
      delivery(deliveryEvent({ step: 'applied' })),
      { hasFollowUp: true },
    );
    expect(applied[3]).toMatchObject({
      label: 'Live',
      state: 'waiting',
      note: 'Waiting for the workloads whose manifests name this change to be ready in the clusters',
    });
  });
});

describe('deliveryLinkName', () => {
  it.each([
    ['proposed', 'https://github.com/acme/env/pull/42', 'Pull request'],
    ['proposed', 'http://gitea.local/acme/env/pulls/7', 'Pull request'],
    [
      'proposed',
      'https://gitlab.com/acme/env/-/merge_requests/3',
      'Merge request',
    ],
    [
      'proposed',
      'https://github.com/acme/env/tree/gatehouse/change-1',
      'Branch',
    ],
    ['proposed', 'http://gitea.local/acme/env/src/branch/change-1', 'Branch'],
    ['proposed', 'https://github.com/acme/env/commit/1a2b3c4d', 'Commit'],
    ['merged', 'https://github.com/acme/env/commit/1a2b3c4d', 'Merge commit'],
    ['merged', 'https://github.com/acme/env/pull/42', 'Pull request'],
    ['proposed', 'https://example.com/somewhere', 'Proposal'],
    ['applied', 'https://ci.example.com/runs/1', 'Pipeline log'],
    ['failed', 'https://ci.example.com/runs/1', 'Pipeline log'],
  ] as const)('names a %s link to %s "%s"', (step, url, name) => {
    expect(deliveryLinkName(step, url)).toBe(name);
  });
});
