import type { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  APPROVALS_INBOX_CHANNEL,
  approvalRequestChannel,
  DeliveryEvent,
  UnapprovedChange,
} from '@gatehouse/plugin-approvals-common';
import type { StoredRequest } from '../store/ApprovalsStore';

/**
 * Tells people about requests: approver groups when a request needs them (and
 * the same notification, updated in place, once it is decided), the submitter
 * on a decision, and open pages through signals. Delivery problems are logged;
 * the request itself is already safely stored.
 */
export class ApprovalNotifier {
  constructor(
    private readonly deps: {
      notifications: NotificationService;
      signals: SignalsService;
      logger: LoggerService;
    },
  ) {}

  private link = (request: StoredRequest) =>
    `/approvals/requests/${request.id}`;

  async needsApproval(request: StoredRequest, groups: string[]) {
    if (groups.length === 0) return;
    await this.send({
      recipients: {
        type: 'entity',
        entityRef: groups,
        excludeEntityRef: request.submitter,
      },
      payload: {
        title: `Approval needed: ${request.title}`,
        description: `${request.environment} change to ${request.entityRef} (${request.riskLevel} risk): ${request.policySummary}`,
        link: this.link(request),
        severity: request.riskLevel === 'high' ? 'high' : 'normal',
        topic: 'approval-request',
        // The decision later updates this same notification instead of adding one.
        scope: `approval-request:${request.id}`,
      },
    });
  }

  async decided(request: StoredRequest, groups: string[]) {
    const outcome = `${request.title} is ${request.status}`;
    if (groups.length > 0) {
      await this.send({
        recipients: {
          type: 'entity',
          entityRef: groups,
          excludeEntityRef: request.submitter,
        },
        payload: {
          title: outcome,
          description: request.policySummary,
          link: this.link(request),
          severity: 'low',
          topic: 'approval-request',
          scope: `approval-request:${request.id}`,
        },
      });
    }
    if (request.submitter.startsWith('user:')) {
      await this.send({
        recipients: { type: 'entity', entityRef: request.submitter },
        payload: {
          title: `Your change request ${outcome}`,
          description: request.policySummary,
          link: this.link(request),
          severity: request.status === 'approved' ? 'normal' : 'high',
          topic: 'approval-decision',
          scope: `approval-decision:${request.id}:${request.revision}`,
        },
      });
    }
  }

  /** Tells the submitter how far their approved change has got. */
  async deliveryStep(request: StoredRequest, event: DeliveryEvent) {
    if (!request.submitter.startsWith('user:')) return;
    const failed = event.step === 'failed';
    await this.send({
      recipients: { type: 'entity', entityRef: request.submitter },
      payload: {
        title: `${request.title}: ${event.step}`,
        description: [event.detail, event.link].filter(Boolean).join(' · '),
        link: this.link(request),
        severity: failed ? 'high' : 'low',
        topic: 'approval-delivery',
        // One notification per request, updated as the change moves on.
        scope: `approval-delivery:${request.id}`,
      },
    });
  }

  /** Owners and platform approvers hear of a commit nobody approved. */
  async unapprovedChange(
    change: UnapprovedChange,
    recipients: string[],
    /** The page that lists it: the service's Changes tab, else the environment's page. */
    link: string,
  ) {
    if (recipients.length === 0) return;
    await this.send({
      recipients: { type: 'entity', entityRef: recipients },
      payload: {
        title: `Unapproved change on ${change.entityRef}`,
        description: `${change.commit.slice(0, 12)} by ${change.author} on ${
          change.branch
        }: ${change.summary} (${change.reason})`,
        link,
        severity: 'critical',
        topic: 'unapproved-change',
        scope: `unapproved-change:${change.entityRef}:${change.commit}`,
      },
    });
    await this.publishUnapproved(change);
  }

  private async publishUnapproved(change: UnapprovedChange) {
    try {
      await this.deps.signals.publish({
        recipients: { type: 'broadcast' },
        channel: APPROVALS_INBOX_CHANNEL,
        message: { unapprovedChange: change.id },
      });
    } catch (error) {
      this.deps.logger.warn(
        'Could not publish an unapproved change',
        error as Error,
      );
    }
  }

  /** Open inbox and request pages re-fetch on these. */
  async changed(request: StoredRequest) {
    const message = {
      id: request.id,
      status: request.status,
      revision: request.revision,
    };
    try {
      await this.deps.signals.publish({
        recipients: { type: 'broadcast' },
        channel: approvalRequestChannel(request.id),
        message,
      });
      await this.deps.signals.publish({
        recipients: { type: 'broadcast' },
        channel: APPROVALS_INBOX_CHANNEL,
        message,
      });
    } catch (error) {
      this.deps.logger.warn(
        `Could not publish the update of ${request.id}`,
        error as Error,
      );
    }
  }

  private async send(options: Parameters<NotificationService['send']>[0]) {
    try {
      await this.deps.notifications.send(options);
    } catch (error) {
      this.deps.logger.warn(
        'Could not send an approvals notification',
        error as Error,
      );
    }
  }
}
