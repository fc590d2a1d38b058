import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { ScaffolderService } from '@backstage/plugin-scaffolder-node';
import type { ApprovalsStore, StoredRequest } from '../store/ApprovalsStore';

/**
 * Starts what an approved change was waiting for: the template's follow-up
 * template, run with the values stored at submission (the interim pattern of
 * upstream BEP-0016: the first template records the request and ends). The
 * request model knows only "a follow-up to start", so a real resume of the
 * original task can replace this class later.
 */
export class FollowUpStarter {
  constructor(
    private readonly deps: {
      store: ApprovalsStore;
      scaffolder: ScaffolderService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async start(request: StoredRequest): Promise<void> {
    const followUp = request.followUp;
    if (!followUp) return;
    const base = {
      revision: request.revision,
      contentHash: request.contentHash,
      actor: 'approvals',
    };
    try {
      // The follow-up learns which request allowed it, so its first step can
      // check that exactly these values were approved (gatehouse:approval:check).
      const values = {
        ...followUp.values,
        approval: { requestId: request.id, contentHash: request.contentHash },
      };
      const { taskId } = await this.deps.scaffolder.scaffold(
        { templateRef: followUp.templateRef, values: values as any },
        { credentials: await this.deps.auth.getOwnServiceCredentials() },
      );
      await this.deps.store.recordFollowUp(
        request.id,
        { ...followUp, taskId },
        {
          ...base,
          action: 'follow-up-started',
          comment: `${followUp.templateRef} started as scaffolder task ${taskId}`,
          statusAfter: request.status,
        },
      );
    } catch (error) {
      this.deps.logger.error(
        `Could not start the follow-up of ${request.id}`,
        error as Error,
      );
      await this.deps.store.recordFollowUp(request.id, followUp, {
        ...base,
        action: 'follow-up-failed',
        comment: `${followUp.templateRef} could not start: ${
          (error as Error).message
        }`,
        statusAfter: request.status,
      });
    }
  }
}
