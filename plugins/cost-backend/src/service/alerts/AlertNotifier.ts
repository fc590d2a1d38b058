import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { CostAlert } from '@gatehouse/plugin-cost-common';

/**
 * Sends each new alert to the owners of what it is about (a service's owning
 * group, the team itself) and to the groups configured to hear every alert
 * (FinOps by default). Failures are logged: the alert is already recorded and
 * shows in the UI either way.
 */
export class AlertNotifier {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      alwaysNotify: string[];
    },
  ) {}

  async notify(alert: CostAlert): Promise<void> {
    try {
      const recipients = new Set(this.options.alwaysNotify);
      for (const owner of await this.ownersOf(alert)) recipients.add(owner);
      if (recipients.size === 0) return;
      await this.options.notifications.send({
        recipients: { type: 'entity', entityRef: [...recipients] },
        payload: {
          title: alert.message,
          description: describe(alert),
          link:
            alert.dimension === 'service'
              ? `/catalog/default/component/${alert.key}/cost`
              : '/cost',
          severity:
            alert.kind === 'budget' && (alert.threshold ?? 0) >= 100
              ? 'high'
              : 'normal',
          topic: 'cost-alert',
          // One notification per crossing, updated in place if it is sent again.
          scope: `cost-alert:${alert.id}`,
        },
      });
    } catch (error) {
      this.options.logger.warn(
        `Could not send the notification for cost alert ${alert.id}`,
        error as Error,
      );
    }
  }

  private async ownersOf(alert: CostAlert): Promise<string[]> {
    if (alert.dimension === 'team') return [`group:default/${alert.key}`];
    if (alert.dimension !== 'service') return [];
    const entity = await this.options.catalog.getEntityByRef(
      `component:default/${alert.key}`,
      {
        credentials: await this.options.auth.getOwnServiceCredentials(),
      },
    );
    const owner = entity?.spec?.owner as string | undefined;
    if (!owner) return [];
    return [owner.includes(':') ? owner : `group:default/${owner}`];
  }
}

function describe(alert: CostAlert): string {
  const usd = (n: number) =>
    `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} USD`;
  switch (alert.kind) {
    case 'threshold':
      return `Spend of ${alert.dimension} ${alert.key} in ${
        alert.period
      } reached ${usd(alert.actual)}, past ${usd(alert.threshold ?? 0)}.`;
    case 'budget':
      return `${alert.dimension} ${alert.key} has used ${Math.round(
        alert.actual,
      )}% of its ${alert.period} budget.`;
    default:
      return `${alert.dimension} ${alert.key} spent ${usd(alert.actual)} on ${
        alert.period
      }, far above its usual daily spend.`;
  }
}
