import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IContainerStatus } from 'kubernetes-models/v1/ContainerStatus';
import { hash32, hex, intBetween, SECOND } from './ids';
import { SimulatorError } from './errors';

/**
 * Query options of `GET /api/v1/namespaces/{ns}/pods/{name}/log`.
 *
 * @public
 */
export interface PodLogOptions {
  container?: string;
  tailLines?: number;
  previous?: boolean;
  timestamps?: boolean;
  sinceSeconds?: number;
  limitBytes?: number;
}

/** Simulated log lines are written every LINE_INTERVAL ms. */
export const LINE_INTERVAL = 10 * SECOND;
const MAX_LINES = 1000;

function nanoTimestamp(ms: number, salt: string) {
  const nanos = String(hash32(salt) % 1_000_000_000).padStart(9, '0');
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, `.${nanos}Z`);
}

const PATHS = [
  '/api/v1/plans',
  '/api/v1/plans/{id}',
  '/api/v1/runs',
  '/api/v1/runs/{id}/events',
  '/api/v1/catalog/sync',
];

/** One deterministic log line for a container at a point in time. */
export function logLine(
  pod: IPod,
  container: string,
  at: number,
  mode: 'normal' | 'crash' | 'unready',
): string {
  const seed = `${pod.metadata!.name}/${container}/${at}`;
  const iso = new Date(at).toISOString();
  const app = pod.metadata!.labels?.['app.kubernetes.io/name'] ?? container;
  if (container === 'log-shipper') {
    const sent = intBetween(seed, 3, 80);
    return `[${iso
      .replace('T', ' ')
      .replace(
        /\.\d+Z$/,
        '',
      )}] [ info] [output:cloudwatch_logs:cloudwatch_logs.0] Sent ${sent} events to CloudWatch`;
  }
  if (mode === 'unready' && hash32(seed) % 3 === 0) {
    return JSON.stringify({
      level: 'warn',
      time: iso,
      service: app,
      msg: 'readiness check failed',
      check: 'upstream',
      upstream:
        'http://orchestrator-api.orchestrator-api.svc.cluster.local/healthz',
      error: 'connect ECONNREFUSED 172.20.41.17:80',
    });
  }
  const roll = hash32(`${seed}/kind`) % 100;
  if (app === 'task-runner' || app.startsWith('task-runner')) {
    const task = hex(`${seed}/task`, 8);
    return JSON.stringify({
      level: roll < 95 ? 'info' : 'warn',
      time: iso,
      service: app,
      msg: roll < 95 ? 'task completed' : 'task retried',
      taskId: task,
      queue: 'task-runner-jobs',
      durationMs: intBetween(`${seed}/d`, 40, 4000),
    });
  }
  if (app === 'knowledge-store') {
    return JSON.stringify({
      level: 'info',
      time: iso,
      service: app,
      msg: roll < 80 ? 'query served' : 'segment compacted',
      shard: intBetween(`${seed}/s`, 0, 15),
      durationMs: intBetween(`${seed}/d`, 1, 120),
    });
  }
  const path = PATHS[hash32(`${seed}/p`) % PATHS.length].replace(
    '{id}',
    hex(`${seed}/id`, 6),
  );
  let status = 500;
  if (roll < 92) {
    status = 200;
  } else if (roll < 97) {
    status = 404;
  }
  return JSON.stringify({
    level: status === 500 ? 'error' : 'info',
    time: iso,
    service: app,
    msg: 'request completed',
    method: roll % 4 === 0 ? 'POST' : 'GET',
    path,
    status,
    durationMs: intBetween(`${seed}/d`, 2, status === 500 ? 3000 : 250),
    requestId: hex(`${seed}/r`, 16),
  });
}

function crashTail(
  pod: IPod,
  container: string,
  finishedAt: number,
  exitCode: number,
) {
  const app = pod.metadata!.labels?.['app.kubernetes.io/name'] ?? container;
  const at = (ms: number) => new Date(finishedAt - ms).toISOString();
  return [
    {
      at: finishedAt - 8 * SECOND,
      text: JSON.stringify({
        level: 'info',
        time: at(8000),
        service: app,
        msg: 'starting',
        version: pod
          .spec!.containers.find(c => c.name === container)
          ?.image?.split(':')
          .pop(),
      }),
    },
    {
      at: finishedAt - 7 * SECOND,
      text: JSON.stringify({
        level: 'info',
        time: at(7000),
        service: app,
        msg: 'connecting to queue broker',
        broker: 'amqp://task-queue.task-runner.svc.cluster.local:5672',
      }),
    },
    {
      at: finishedAt - 2 * SECOND,
      text: JSON.stringify({
        level: 'error',
        time: at(2000),
        service: app,
        msg: 'queue broker unreachable',
        error: 'dial tcp 172.20.88.5:5672: connect: connection refused',
        attempt: 5,
      }),
    },
    {
      at: finishedAt - 1 * SECOND,
      text: JSON.stringify({
        level: 'fatal',
        time: at(1000),
        service: app,
        msg: 'giving up after 5 attempts; exiting',
        exitCode,
      }),
    },
  ];
}

interface TimedLine {
  at: number;
  text: string;
}

function runLines(
  pod: IPod,
  container: string,
  from: number,
  to: number,
  mode: 'normal' | 'crash' | 'unready',
): TimedLine[] {
  const lines: TimedLine[] = [];
  let first = Math.ceil(from / LINE_INTERVAL) * LINE_INTERVAL;
  first = Math.max(first, to - MAX_LINES * LINE_INTERVAL);
  for (let t = first; t <= to; t += LINE_INTERVAL) {
    lines.push({ at: t, text: logLine(pod, container, t, mode) });
  }
  return lines;
}

function statusFor(pod: IPod, container: string): IContainerStatus | undefined {
  return pod.status?.containerStatuses?.find(c => c.name === container);
}

/** Resolves which container a log request means, as the API server does. */
export function resolveLogContainer(pod: IPod, container?: string): string {
  const names = pod.spec!.containers.map(c => c.name);
  const podName = pod.metadata!.name;
  if (!container) {
    if (names.length !== 1) {
      throw new SimulatorError(
        `a container name must be specified for pod ${podName}, choose one of: [${names.join(
          ' ',
        )}]`,
        400,
        'BadRequest',
      );
    }
    return names[0];
  }
  if (!names.includes(container)) {
    throw new SimulatorError(
      `container ${container} is not valid for pod ${podName}`,
      400,
      'BadRequest',
    );
  }
  return container;
}

/** The lines a log request returns (before tail/limit options). */
export function podLogLines(
  pod: IPod,
  options: PodLogOptions,
  now: number,
): { container: string; lines: TimedLine[]; running: boolean } {
  const container = resolveLogContainer(pod, options.container);
  const podName = pod.metadata!.name;
  if (!pod.spec!.nodeName) {
    throw new SimulatorError(
      `pod ${podName} does not have a host assigned`,
      400,
      'BadRequest',
    );
  }
  const cs = statusFor(pod, container);
  if (!cs) {
    throw new SimulatorError(
      `container "${container}" in pod "${podName}" is waiting to start: ContainerCreating`,
      400,
      'BadRequest',
    );
  }
  let mode: 'normal' | 'crash' | 'unready' = 'normal';
  if (cs.lastState?.terminated && cs.lastState.terminated.exitCode !== 0) {
    mode = 'crash';
  } else if (cs.state?.running && !cs.ready) {
    mode = 'unready';
  }
  if (options.previous) {
    const last = cs.lastState?.terminated;
    if (!last) {
      throw new SimulatorError(
        `previous terminated container "${container}" in pod "${podName}" not found`,
        400,
        'BadRequest',
      );
    }
    return {
      container,
      lines: crashTail(
        pod,
        container,
        Date.parse(last.finishedAt!),
        last.exitCode,
      ),
      running: false,
    };
  }
  if (cs.state?.waiting) {
    const last = cs.lastState?.terminated;
    if (last) {
      // The API serves the most recent (terminated) attempt while the container waits.
      return {
        container,
        lines: crashTail(
          pod,
          container,
          Date.parse(last.finishedAt!),
          last.exitCode,
        ),
        running: false,
      };
    }
    throw new SimulatorError(
      `container "${container}" in pod "${podName}" is waiting to start: ${cs.state.waiting.reason}`,
      400,
      'BadRequest',
    );
  }
  if (cs.state?.terminated) {
    const t = cs.state.terminated;
    const from = Date.parse(t.startedAt!);
    const to = Date.parse(t.finishedAt!);
    return {
      container,
      lines: runLines(pod, container, from, to, mode),
      running: false,
    };
  }
  const started = Date.parse(
    cs.state?.running?.startedAt ?? pod.status!.startTime!,
  );
  return {
    container,
    lines: runLines(pod, container, started, now, mode),
    running: true,
  };
}

export function formatLogLines(
  lines: TimedLine[],
  options: PodLogOptions,
  salt: string,
): string {
  return lines
    .map(l =>
      options.timestamps
        ? `${nanoTimestamp(l.at, `${salt}/${l.at}`)} ${l.text}\n`
        : `${l.text}\n`,
    )
    .join('');
}

/** Applies sinceSeconds, tailLines and limitBytes, and renders the text. */
export function buildPodLogs(
  pod: IPod,
  options: PodLogOptions,
  now: number,
): string {
  const { lines } = podLogLines(pod, options, now);
  let selected = lines;
  if (options.sinceSeconds !== undefined) {
    const since = now - options.sinceSeconds * SECOND;
    selected = selected.filter(l => l.at >= since);
  }
  if (options.tailLines !== undefined) {
    selected = options.tailLines <= 0 ? [] : selected.slice(-options.tailLines);
  }
  let text = formatLogLines(selected, options, pod.metadata!.uid ?? '');
  if (options.limitBytes !== undefined) {
    text = Buffer.from(text).subarray(0, options.limitBytes).toString();
  }
  return text;
}
