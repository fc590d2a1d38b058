import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ApprovalsClient,
  ChangeRequestSummary,
} from '@gatehouse/plugin-approvals-common';
import { serviceClientOptions } from '@gatehouse/http-contract';

/** The most the approvals API lists per request. */
const PAGE_LIMIT = 200;

export type Changes = {
  /** Pending or changes-requested. */
  open: ChangeRequestSummary[];
  /** Approved by people or automatically. */
  approved: ChangeRequestSummary[];
};

/** Change requests from the approvals plugin, seen as the viewer sees them. */
export class ChangesSource {
  constructor(
    private readonly deps: {
      auth: AuthService;
      discovery: DiscoveryService;
      timeoutMs: number;
    },
  ) {}

  async changes(credentials: BackstageCredentials): Promise<Changes> {
    const client = new ApprovalsClient(
      serviceClientOptions({
        discovery: this.deps.discovery,
        auth: this.deps.auth,
        credentials,
        targetPluginId: 'approvals',
        timeoutMs: this.deps.timeoutMs,
      }),
    );
    const list = (status: 'open' | 'approved' | 'auto-approved') =>
      client.list({ view: 'all', status, limit: PAGE_LIMIT });
    const [open, approved, autoApproved] = await Promise.all([
      list('open'),
      list('approved'),
      list('auto-approved'),
    ]);
    return {
      open: open.items,
      approved: [...approved.items, ...autoApproved.items],
    };
  }
}
