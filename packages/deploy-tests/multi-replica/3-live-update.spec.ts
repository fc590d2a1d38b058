import { expect, test } from '@playwright/test';
import { api, replicas, submitStagingChange } from './cluster';

// KNOWN FAILURE, under investigation (see docs/production.md, "Open issue"):
// the page is live on replica X through nginx, the decision is taken on
// replica Y (201), the signals event crosses replicas through the events hub
// (both replicas' subscriptions advance past it in event_bus_subscriptions),
// yet the page still shows Pending after 10 s. Run it with
// `scripts/multi-replica.sh 3-live` after changing fixme to test.
test.fixme(
  'a page connected through the balancer sees a decision taken on another replica',
  async ({ browser }) => {
    const { body: request } = await submitStagingChange(
      `Live across replicas ${Date.now()}`,
    );
    const context = await browser.newContext();
    const page = await context.newPage();

    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in as Bob Okafor' }).click();
    await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible();

    // Which replica holds the page's signals WebSocket: nginx names it in the
    // upgrade answer of the request page's socket, which Chromium reports through the DevTools protocol.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // Revalidated (304) documents fail navigation while the domain is on.
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const handshakes: string[] = [];
    cdp.on('Network.webSocketHandshakeResponseReceived', event => {
      const headers = event.response.headers as Record<string, string>;
      const name = Object.keys(headers).find(
        key => key.toLowerCase() === 'x-gatehouse-replica',
      );
      if (name) handshakes.push(headers[name]);
    });

    await page.goto(`/approvals/requests/${request.id}`);
    await expect(page.getByText(request.title).first()).toBeVisible();
    await expect(page.getByText('Pending').first()).toBeVisible();
    // Live (signals), not polling.
    await expect(page.getByText('● live')).toBeVisible();

    await expect.poll(() => handshakes.length).toBeGreaterThan(0);
    const held = handshakes[handshakes.length - 1].split(', ').pop()!;
    const other = replicas.find(r => !held.endsWith(`:${r.port}`))!;
    expect(other).toBeDefined();
    expect(held.endsWith(`:${other.port}`)).toBe(false);

    const decided = await api(
      'alice',
      'POST',
      `/api/approvals/requests/${request.id}/decisions`,
      {
        decision: 'approve',
        comment: 'Seen from another replica.',
        revisionHash: request.contentHash,
      },
      other.url,
    );
    expect(decided.status).toBe(201);
    // Well inside the 15 s the page would take to poll if it were not live.
    await expect(page.getByText('Approved').first()).toBeVisible({
      timeout: 10_000,
    });
    await expect(
      page.getByText('Seen from another replica.').first(),
    ).toBeVisible();
    await context.close();
  },
);
