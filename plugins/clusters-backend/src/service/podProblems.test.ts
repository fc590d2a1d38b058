import type { PodObject } from '../kubernetes/objectTypes';
import { PENDING_GRACE_MS, podProblem, podRestarts } from './podProblems';

const NOW = Date.parse('2026-05-01T12:00:00Z');

function pod(
  status: PodObject['status'],
  created = NOW - 3_600_000,
): PodObject {
  return {
    metadata: {
      name: 'p',
      namespace: 'n',
      creationTimestamp: new Date(created).toISOString(),
    },
    status,
  };
}

const ready = (status: 'True' | 'False', message?: string) => ({
  type: 'Ready',
  status,
  message,
});

describe('podProblem', () => {
  it('passes running and ready, succeeded and terminating pods', () => {
    expect(
      podProblem(pod({ phase: 'Running', conditions: [ready('True')] }), NOW),
    ).toBeNull();
    expect(podProblem(pod({ phase: 'Succeeded' }), NOW)).toBeNull();
    const terminating = pod({ phase: 'Running', conditions: [ready('False')] });
    terminating.metadata!.deletionTimestamp = new Date(NOW).toISOString();
    expect(podProblem(terminating, NOW)).toBeNull();
  });

  it('names a crash loop and other waiting reasons, with the last exit', () => {
    const crashing = pod({
      phase: 'Running',
      conditions: [ready('False')],
      containerStatuses: [
        {
          name: 'app',
          image: 'i',
          imageID: '',
          ready: false,
          restartCount: 5,
          state: {
            waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' },
          },
          lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
        },
        {
          name: 'sidecar',
          image: 'i',
          imageID: '',
          ready: true,
          restartCount: 1,
        },
      ],
    });
    expect(podProblem(crashing, NOW)).toEqual({
      reason: 'CrashLoopBackOff',
      message:
        'app: CrashLoopBackOff: back-off 5m0s; last exit code 137 (OOMKilled)',
    });
    expect(podRestarts(crashing)).toBe(6);

    const pulling = pod({
      phase: 'Pending',
      containerStatuses: [
        {
          name: 'app',
          image: 'i',
          imageID: '',
          ready: false,
          restartCount: 0,
          state: { waiting: { reason: 'ImagePullBackOff' } },
        },
      ],
    });
    expect(podProblem(pulling, NOW)).toEqual({
      reason: 'ContainerWaiting',
      message: 'app: ImagePullBackOff',
    });
  });

  it('gives a starting pod two minutes, but not an unschedulable one', () => {
    const starting = (created: number) =>
      pod(
        {
          phase: 'Pending',
          containerStatuses: [
            {
              name: 'app',
              image: 'i',
              imageID: '',
              ready: false,
              restartCount: 0,
              state: { waiting: { reason: 'ContainerCreating' } },
            },
          ],
        },
        created,
      );
    expect(podProblem(starting(NOW - 10_000), NOW)).toBeNull();
    expect(podProblem(starting(NOW - PENDING_GRACE_MS - 1), NOW)).toEqual({
      reason: 'Pending',
      message: 'pending for more than two minutes',
    });
    const unschedulable = pod(
      {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/3 nodes are available',
          },
        ],
      },
      NOW - 1000,
    );
    expect(podProblem(unschedulable, NOW)).toEqual({
      reason: 'Pending',
      message: 'Unschedulable: 0/3 nodes are available',
    });
  });

  it('reports failed pods and running pods that are not ready', () => {
    expect(
      podProblem(
        pod({ phase: 'Failed', reason: 'Evicted', message: 'low on memory' }),
        NOW,
      ),
    ).toEqual({ reason: 'Failed', message: 'Evicted: low on memory' });
    expect(
      podProblem(
        pod({
          phase: 'Running',
          conditions: [ready('False', 'containers with unready status: [app]')],
        }),
        NOW,
      ),
    ).toEqual({
      reason: 'NotReady',
      message: 'containers with unready status: [app]',
    });
  });
});
