/**
 * Raised by simulator operations; `code` and `reason` are what the
 * Kubernetes API answers with (as a `Status` object).
 *
 * @public
 */
export class SimulatorError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly reason: string,
    readonly details?: { name?: string; kind?: string; group?: string },
  ) {
    super(message);
    this.name = 'SimulatorError';
  }
}
