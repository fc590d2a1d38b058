import { randomUUID } from 'node:crypto';
import type { CostStore } from '../store/CostStore';
import type { IngestionService } from './ingestion/IngestionService';

/**
 * The scheduled task's body. Runs queued (on-demand) ingestions in order, or a
 * scheduled one when none is queued. The scheduler holds a cluster-wide lock,
 * so with several replicas exactly one of them ingests at a time.
 */
export async function runQueuedIngestions(
  store: CostStore,
  ingestion: IngestionService,
) {
  let queued = await store.listQueuedIngestionRuns();
  if (queued.length === 0) {
    await store.createIngestionRun({
      id: randomUUID(),
      trigger: 'schedule',
      requestedBy: null,
    });
    queued = await store.listQueuedIngestionRuns();
  }
  while (queued.length > 0) {
    for (const run of queued) {
      await ingestion.run(run.id);
    }
    // Requests that arrived while we were busy.
    queued = await store.listQueuedIngestionRuns();
  }
}
