/**
 * Whether a cluster is down: after `failuresBeforeDown` consecutive failed
 * attempts (a LIST or a watch that could not be opened or broke) it is
 * open — the cluster is reported with its error instead of data that can
 * no longer be kept current — until an attempt succeeds again. The retries
 * themselves go on, on the back-off schedule.
 */
export class CircuitBreaker {
  private consecutive = 0;
  private error: Error | undefined;

  constructor(private readonly failuresBeforeDown: number) {}

  /** Consecutive failures so far (0 after a success). */
  get failures() {
    return this.consecutive;
  }

  get open() {
    return this.consecutive >= this.failuresBeforeDown;
  }

  /** The last failure's error, until an attempt succeeds. */
  get lastError() {
    return this.error;
  }

  failed(error: Error) {
    this.consecutive += 1;
    this.error = error;
  }

  succeeded() {
    this.consecutive = 0;
    this.error = undefined;
  }
}
