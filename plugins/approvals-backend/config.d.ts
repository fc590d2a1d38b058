import type { HumanDuration } from '@backstage/types';

export interface Config {
  gatehouse?: {
    /** Following approved changes after approval (see the README's "Delivery"). */
    delivery?: {
      /** How often every environment repository's target branch is read (default 60 seconds). */
      pollInterval?: HumanDuration | string;
      /** Where fetched remotes are kept (default `delivery-cache` beside the local repositories). */
      cacheDirectory?: string;
      /** Groups told of every unapproved change, besides the environment's owner (default platform-approvers). */
      alertGroups?: string[];
      /** Shared secrets of the forges' webhooks; a forge without one has no webhook. */
      webhooks?: {
        github?: {
          /** @visibility secret */
          secret: string;
        };
        gitlab?: {
          /** @visibility secret */
          secret: string;
        };
        gitea?: {
          /** @visibility secret */
          secret: string;
        };
        /** A plain git server's post-receive hook (header x-gatehouse-webhook-token). */
        git?: {
          /** @visibility secret */
          secret: string;
        };
      };
    };
    approvals?: {
      /**
       * Requests nobody decides in time expire: a duration such as '7d',
       * 'P7D' or { days: 7 }. Default 7 days.
       */
      expiresAfter?: HumanDuration | string;
      readCache?: {
        /** Memory per replica for the answers of the read APIs (default 32); 0 turns it off. */
        megabytes?: number;
      };
      policy?: {
        /**
         * The approval rules, replacing the shipped ones (see the README).
         * Rules match tiers (`match.tiers`); `match.environments` only narrows them.
         * Every requirement of every matching rule must be met; a change no rule
         * requires approvals for, and none approves automatically, needs one
         * approval from its owners or the platform approvers. Default: the
         * shipped rules. An invalid rule stops the backend at start.
         */
        rules?: Array<{
          /** Names the rule in the policy's verdict on a change. */
          name: string;
          /** What the rule applies to; every condition given must hold. Default: every change. */
          match?: {
            /** Changes to environments of these tiers, whatever they are called. */
            tiers?: Array<'development' | 'staging' | 'production'>;
            /** Narrows `tiers` to environments of these names; never without `tiers`. */
            environments?: string[];
            /** The high end of the monthly cost delta (USD) is at least this. */
            minCostDelta?: number;
            /** The high end of the monthly cost delta (USD) is below this. */
            maxCostDelta?: number;
            /** The change's risk level is one of these. */
            risk?: Array<'low' | 'medium' | 'high'>;
            /**
             * true: only changes every changed resource of which was priced;
             * false: only those with unpriced parts (or nothing priced).
             */
            pricedInFull?: boolean;
          };
          /**
           * Approves matching changes automatically, unless another matching
           * rule requires approvals. Default false.
           */
          autoApprove?: boolean;
          /**
           * Approvals every matching change needs: `count` approvers (a whole
           * number, 1 or more) from any of `groups`: group refs (`sre` stands
           * for group:default/sre), or `owner` for the entity's owning group.
           * Default none.
           */
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
