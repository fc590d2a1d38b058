import type { ChangeRequest } from '@gatehouse/plugin-approvals-common';
import { accuracyStart } from './approvalTime';

const approvedRequest = (delivery: ChangeRequest['delivery']) =>
  ({
    status: 'approved',
    updatedAt: '2026-11-10T12:00:00.000Z',
    current: { revision: 1 },
    audit: [
      {
        sequence: 1,
        revision: 1,
        statusAfter: 'pending',
        createdAt: '2026-11-01T09:00:00.000Z',
      },
      {
        sequence: 2,
        revision: 1,
        statusAfter: 'approved',
        createdAt: '2026-11-02T09:00:00.000Z',
      },
    ],
    delivery,
  } as unknown as ChangeRequest);

const event = (step: string, occurredAt: string) => ({
  step,
  occurredAt,
  revision: 1,
  contentHash: 'a'.repeat(64),
  actor: 'service:external:ci',
  link: null,
  commit: null,
  detail: null,
});

describe('where estimate against actual starts', () => {
  it('is the applied date the pipeline reported, the last one after a failed apply', () => {
    expect(
      accuracyStart(
        approvedRequest({
          state: 'applied',
          events: [
            event('proposed', '2026-11-02T10:00:00.000Z'),
            event('applied', '2026-11-04T08:00:00.000Z'),
            event('failed', '2026-11-05T08:00:00.000Z'),
            event('applied', '2026-11-06T08:00:00.000Z'),
          ] as any,
        }),
      ),
    ).toEqual({ at: '2026-11-06T08:00:00.000Z', basis: 'applied' });
  });

  it('is the approval when no apply was reported', () => {
    expect(
      accuracyStart(
        approvedRequest({
          state: 'merged',
          events: [event('merged', '2026-11-03T10:00:00.000Z')] as any,
        }),
      ),
    ).toEqual({ at: '2026-11-02T09:00:00.000Z', basis: 'approved' });
    expect(accuracyStart(approvedRequest(null))).toEqual({
      at: '2026-11-02T09:00:00.000Z',
      basis: 'approved',
    });
  });

  it('is nothing for a request that is not approved', () => {
    expect(
      accuracyStart({ ...approvedRequest(null), status: 'pending' } as any),
    ).toBeUndefined();
  });
});
