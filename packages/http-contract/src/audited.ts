/** The parts of Backstage's AuditorServiceEvent a route reports an outcome through. */
export type AuditedEvent = {
  success(options?: { meta?: Record<string, unknown> }): Promise<void>;
  fail(options: { error: Error }): Promise<void>;
};

/**
 * Runs a route's write as one audit event: success with the meta the result
 * gives, or failure with the error, which is thrown on to the route (and its
 * error handler) unchanged.
 */
export async function audited<T>(
  event: AuditedEvent | Promise<AuditedEvent>,
  work: () => Promise<T>,
  successMeta: (result: T) => Record<string, unknown>,
): Promise<T> {
  const started = await event;
  try {
    const result = await work();
    await started.success({ meta: successMeta(result) });
    return result;
  } catch (error) {
    await started.fail({ error: error as Error });
    throw error;
  }
}
