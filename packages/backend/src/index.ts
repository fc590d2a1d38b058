/*
 * The Gatehouse backend: Backstage's core plugins plus Gatehouse's own modules.
 * Each line adds a plugin or module; behaviour lives in the packages themselves.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// Serves the built frontend in production.
backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: guest and example users in development, OIDC in production.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));
backend.add(import('./modules/devSignIn'));
backend.add(import('./modules/ownership'));

// Permissions, decided by Gatehouse's own policy (never the allow-all policy).
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./modules/permissionPolicy'));

// Catalog.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Environments published by the local git publisher appear in the catalog.
backend.add(import('./modules/localRepositories'));

// Scaffolder.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitea'));
// Gatehouse's actions: environments from plans, validation, estimates, approvals, local publishing.
backend.add(import('@gatehouse/plugin-scaffolder-backend-module-gatehouse'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// Search: PostgreSQL's full-text engine in production, in-memory Lunr on SQLite.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// Live state, notifications and the event bus between plugins (and replicas).
backend.add(import('@backstage/plugin-kubernetes-backend'));
// A per-cluster timeout for it: a hanging cluster shows its error on the Kubernetes tab.
backend.add(
  import('@gatehouse/plugin-kubernetes-backend-module-cluster-timeout'),
);
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
// Signals accept WebSocket upgrades from start-up, not from a first swallowed one.
backend.add(import('./modules/signalsUpgrades'));
backend.add(import('@backstage/plugin-user-settings-backend'));

// Gatehouse: cost estimates, billing ingestion, spend, budgets and alerts.
backend.add(import('@gatehouse/plugin-cost-backend'));
// Gatehouse: every infrastructure change waits for human sign-off.
backend.add(import('@gatehouse/plugin-approvals-backend'));
// Gatehouse: each service's infrastructure plan, validated, revised and rendered.
backend.add(import('@gatehouse/plugin-infra-plans-backend'));
// Gatehouse: live workload health across clusters and the SRE dashboard.
backend.add(import('@gatehouse/plugin-clusters-backend'));

// Actions for automation agents, over MCP.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
