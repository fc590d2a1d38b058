import type { HumanDuration } from '@backstage/types';

export interface Config {
  gatehouse?: {
    approvals?: {
      /** Requests nobody decides in time expire (default 7 days). */
      expiresAfter?: HumanDuration | string;
      readCache?: {
        /** Memory per replica for the answers of the read APIs (default 32); 0 turns it off. */
        megabytes?: number;
      };
      policy?: {
        /**
         * The approval rules, replacing the shipped ones (see the README).
         * Rules match tiers (`match.tiers`); `match.environments` only narrows them.
         */
        rules?: Array<{
          name: string;
          match?: {
            tiers?: Array<'development' | 'staging' | 'production'>;
            environments?: string[];
            minCostDelta?: number;
            maxCostDelta?: number;
            risk?: Array<'low' | 'medium' | 'high'>;
            pricedInFull?: boolean;
          };
          autoApprove?: boolean;
          require?: Array<{ count: number; groups: string[] }>;
        }>;
      };
      /**
       * A Terraform plan whose environment tags, or cluster, account or VPC
       * identifiers, belong to another environment than the request's:
       * `refuse` (default) answers 400 naming the resources; `high-risk`
       * accepts it as a high-risk change with that reason.
       */
      environmentMismatch?: 'refuse' | 'high-risk';
    };
  };
}
