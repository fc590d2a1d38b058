import type { HumanDuration } from '@backstage/types';

export interface Config {
  gatehouse?: {
    cost?: {
      ingestion?: {
        /**
         * Where FOCUS billing exports (CSV or gzip CSV) are read from: folders on the
         * backend's machine (relative to its working directory) or any URL the URL
         * reader serves, globs included.
         */
        locations?: string[];
        /** How often to look for new or changed files. Default: every 6 hours. */
        schedule?: {
          frequency?: { minutes?: number; hours?: number };
          timeout?: { minutes?: number; hours?: number };
        };
      };
      attribution?: {
        /** Tag keys that name the service, team and environment of a billing line, first match wins. */
        tagKeys?: {
          service?: string[];
          team?: string[];
          environment?: string[];
        };
      };
      /** Monthly budgets in USD; catalog annotation gatehouse.io/monthly-budget-usd overrides per entity. */
      budgets?: Array<{
        dimension: 'service' | 'team' | 'environment';
        key: string;
        monthly: number;
      }>;
      alerts?: {
        /** Monthly spend amounts (USD) announced once per month when crossed. Default 1000, 5000, 10000. */
        thresholds?: number[];
        /** Budget percentages announced once per month when crossed. Default 80, 100. */
        budgetPercentages?: number[];
        anomaly?: {
          standardDeviations?: number;
          trailingDays?: number;
          minimumIncrease?: number;
        };
        /** Entity refs notified of every alert, besides the owners. Default group:default/finops. */
        notify?: string[];
      };
      opencost?: {
        /** Clusters that run OpenCost, by name and API base URL (e.g. http://opencost.opencost:9003). */
        clusters?: Array<{ name: string; url: string }>;
      };
      /** A pricing file to use instead of the shipped AWS on-demand prices. */
      pricingFile?: string;
      /** Comparing approved estimates with the spend that followed. */
      accuracy?: {
        /**
         * Days of billing data after the approval day before an estimate is
         * judged: a duration such as '7d', 'P7D' or { days: 7 }. Default 7 days.
         */
        settleAfter?: string | HumanDuration;
        /** At most this many days after (and as many before) the approval day are compared. Default 30. */
        windowDays?: number;
      };
    };
  };
}
