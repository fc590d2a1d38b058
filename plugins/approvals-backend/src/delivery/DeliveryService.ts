import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type { Clock } from '@gatehouse/clock';
import {
  DELIVERY_STAGE,
  type DeliveryEvent,
  type DeliveryReport,
} from '@gatehouse/plugin-approvals-common';
import type { ApprovalsStore, StoredRequest } from '../store/ApprovalsStore';
import type { ApprovalNotifier } from '../service/ApprovalNotifier';

const STAGE = DELIVERY_STAGE;

const APPROVED = new Set(['approved', 'auto-approved']);

/** Who recorded a step the repository watcher found. */
export const REPOSITORY_WATCHER = 'gatehouse:repository-watcher';

/**
 * Decides whether a reported step moves the delivery on: refused (409) for
 * a step behind the current one; false (nothing to record) for the step the
 * delivery is already at, reported again for the same commit and link.
 */
function moves(
  events: DeliveryEvent[],
  event: DeliveryEvent,
  quietIfBehind: boolean,
): boolean {
  const last = events.at(-1);
  if (!last) return true;
  if (
    last.step === event.step &&
    (event.commit ?? null) === last.commit &&
    (event.link ?? null) === last.link
  ) {
    return false;
  }
  if (STAGE[event.step] < STAGE[last.step]) {
    if (quietIfBehind) return false;
    throw new ConflictError(
      `The change is already ${last.step}; a delivery only moves forward (proposed, merged, applied or failed, live)`,
    );
  }
  // Merged twice (a revert merged again, another squash): the first stands.
  return !(STAGE[event.step] === STAGE[last.step] && event.step === 'merged');
}

/**
 * The delivery of approved changes: each step (proposed, merged, applied or
 * failed, live) recorded once, only for the approved content hash, audited,
 * and told to the submitter.
 */
export class DeliveryService {
  constructor(
    private readonly deps: {
      store: ApprovalsStore;
      notifier: Pick<ApprovalNotifier, 'deliveryStep' | 'changed'>;
      clock: Clock;
      logger: LoggerService;
    },
  ) {}

  /**
   * Records a step. Throws NotFoundError for an unknown request and
   * ConflictError for a request that is not approved, a hash that is not the
   * approved revision's, or a step behind the delivery. Answers whether the
   * step was new.
   */
  async report(
    id: string,
    report: DeliveryReport,
    actor: string,
    options: { quietIfBehind?: boolean } = {},
  ): Promise<boolean> {
    const request = await this.deps.store.getRequest(id);
    if (!request) throw new NotFoundError(`No change request ${id}`);
    this.requireApprovedHash(request, report.contentHash);
    const event: DeliveryEvent = {
      step: report.step,
      revision: request.revision,
      contentHash: request.contentHash,
      actor,
      occurredAt: this.deps.clock.now().toISOString(),
      link: report.link ?? null,
      commit: report.commit ?? null,
      detail: report.detail ?? null,
    };
    const recorded = await this.deps.store.recordDeliveryStep(
      id,
      event,
      (current, events) => {
        // Checked again with the row locked: the request cannot have changed.
        this.requireApprovedHash(current, report.contentHash);
        return moves(events, event, options.quietIfBehind ?? false);
      },
    );
    if (recorded) {
      this.deps.logger.info(
        `Change request ${id} ${event.step} (${actor}${
          event.commit ? `, ${event.commit}` : ''
        })`,
      );
      const updated = { ...request, deliveryState: event.step };
      await this.deps.notifier.deliveryStep(updated, event);
      await this.deps.notifier.changed(updated);
    }
    return recorded;
  }

  private requireApprovedHash(request: StoredRequest, hash: string) {
    if (!APPROVED.has(request.status)) {
      throw new ConflictError(
        `Change request ${request.id} is ${request.status}, not approved: nothing of it may be delivered`,
      );
    }
    if (hash !== request.contentHash) {
      throw new ConflictError(
        `The content hash ${hash} is not the approved one of change request ${request.id} (revision ${request.revision}, ${request.contentHash})`,
      );
    }
  }
}
