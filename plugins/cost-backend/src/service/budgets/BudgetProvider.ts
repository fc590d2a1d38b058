import type {
  AuthService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { InputError } from '@backstage/errors';
import type {
  BudgetSource,
  SpendDimension,
} from '@gatehouse/plugin-cost-common';

/** The annotation that sets a Component's or Group's monthly budget in USD. */
export const MONTHLY_BUDGET_ANNOTATION = 'gatehouse.io/monthly-budget-usd';

export type Budget = {
  dimension: SpendDimension;
  key: string;
  monthlyBudget: number;
  source: BudgetSource;
};

/** Budgets from `gatehouse.cost.budgets` in app-config. */
export function readConfiguredBudgets(config: RootConfigService): Budget[] {
  return (config.getOptionalConfigArray('gatehouse.cost.budgets') ?? []).map(
    entry => {
      const dimension = entry.getString('dimension');
      if (!['service', 'team', 'environment'].includes(dimension)) {
        throw new InputError(
          `gatehouse.cost.budgets: dimension must be service, team or environment, not '${dimension}'`,
        );
      }
      const monthlyBudget = entry.getNumber('monthly');
      if (!(monthlyBudget > 0)) {
        throw new InputError(
          `gatehouse.cost.budgets: the budget of ${entry.getString(
            'key',
          )} must be positive`,
        );
      }
      return {
        dimension: dimension as SpendDimension,
        key: entry.getString('key'),
        monthlyBudget,
        source: 'config' as const,
      };
    },
  );
}

/**
 * Budgets from app-config, overridden per entity by the catalog annotation on
 * a Component (its service) or a Group (its team).
 */
export class BudgetProvider {
  constructor(
    private readonly configured: Budget[],
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async budgets(): Promise<Budget[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: [
          {
            kind: 'Component',
            [`metadata.annotations.${MONTHLY_BUDGET_ANNOTATION}`]:
              CATALOG_FILTER_EXISTS,
          },
          {
            kind: 'Group',
            [`metadata.annotations.${MONTHLY_BUDGET_ANNOTATION}`]:
              CATALOG_FILTER_EXISTS,
          },
        ],
        fields: ['kind', 'metadata.name', 'metadata.annotations'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const byScope = new Map(
      this.configured.map(b => [`${b.dimension}:${b.key}`, b]),
    );
    for (const entity of items) {
      const monthlyBudget = Number(
        entity.metadata.annotations?.[MONTHLY_BUDGET_ANNOTATION],
      );
      // A malformed annotation is ignored rather than failing every dashboard.
      if (!(monthlyBudget > 0)) continue;
      const dimension: SpendDimension =
        entity.kind === 'Group' ? 'team' : 'service';
      byScope.set(`${dimension}:${entity.metadata.name}`, {
        dimension,
        key: entity.metadata.name,
        monthlyBudget,
        source: 'annotation',
      });
    }
    return [...byScope.values()];
  }
}
