import type {
  AuthService,
  DatabaseService,
  LoggerService,
  RootConfigService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { defaultPriceBook, loadPriceBook } from '@gatehouse/plugin-cost-node';
import { createAttributor } from '../focus';
import { DatabaseCostStore } from '../store/DatabaseCostStore';
import { AccuracyService } from './accuracy/AccuracyService';
import { AlertEvaluator } from './alerts/AlertEvaluator';
import { AlertNotifier } from './alerts/AlertNotifier';
import {
  BudgetProvider,
  readConfiguredBudgets,
} from './budgets/BudgetProvider';
import { BudgetService } from './budgets/BudgetService';
import { EntitySummaryService } from './entity/EntitySummaryService';
import { EstimateService } from './estimates/EstimateService';
import { BillingSource } from './ingestion/BillingSource';
import { IngestionService } from './ingestion/IngestionService';
import { LocalFolderSource } from './ingestion/LocalFolderSource';
import { UrlReaderSource } from './ingestion/UrlReaderSource';
import { OpenCostClient } from './opencost/OpenCostClient';
import { readCostConfig } from '../config';
import { SpendService } from './spend/SpendService';
import type { Clock } from '@gatehouse/clock';

/** A location is a URL when it has a scheme; anything else is a folder. */
const isUrl = (location: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(location);

/** Builds the cost plugin's store and services from the backend's services. */
export async function createCostServices(deps: {
  config: RootConfigService;
  database: DatabaseService;
  logger: LoggerService;
  auth: AuthService;
  catalog: CatalogService;
  urlReader: UrlReaderService;
  notifications: NotificationService;
  clock: Clock;
}) {
  const settings = readCostConfig(deps.config);
  const store = await DatabaseCostStore.create({ database: deps.database });
  const spend = new SpendService(store);
  const budgets = new BudgetService(
    store,
    new BudgetProvider(
      readConfiguredBudgets(deps.config),
      deps.catalog,
      deps.auth,
    ),
  );
  const notifier = new AlertNotifier({
    notifications: deps.notifications,
    catalog: deps.catalog,
    auth: deps.auth,
    logger: deps.logger,
    alwaysNotify: settings.notify,
  });
  const alerts = new AlertEvaluator(store, budgets, settings.alerts, alert =>
    notifier.notify(alert),
  );
  const sources: BillingSource[] = settings.locations.map(location =>
    isUrl(location)
      ? new UrlReaderSource(location, deps.urlReader)
      : new LocalFolderSource(location),
  );
  const ingestion = new IngestionService({
    store,
    sources,
    attributor: createAttributor({ tagKeys: settings.tagKeys }),
    logger: deps.logger,
    onDataChanged: async () => {
      await alerts.evaluate();
    },
  });
  const priceBook = settings.pricingFile
    ? loadPriceBook(settings.pricingFile)
    : defaultPriceBook();
  const estimates = new EstimateService(store, priceBook, deps.clock);
  const accuracy = new AccuracyService(store, settings.accuracy);
  const entitySummary = new EntitySummaryService({
    store,
    spend,
    budgets,
    catalog: deps.catalog,
    auth: deps.auth,
    openCost: new OpenCostClient(),
    openCostClusters: settings.openCostClusters,
  });
  return {
    settings,
    store,
    spend,
    budgets,
    alerts,
    ingestion,
    estimates,
    accuracy,
    entitySummary,
  };
}
