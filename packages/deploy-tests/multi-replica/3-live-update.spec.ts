import { expect, test } from '@playwright/test';
import { api, replicas, submitStagingChange } from './cluster';

/**
 * The page's live-update sockets, as Chromium reports them through the
 * DevTools protocol: which were opened to /api/signals, which replica nginx
 * put each one on (its X-Gatehouse-Replica header in the upgrade answer),
 * which channels the page subscribed to on it, and whether it closed.
 * Gatehouse's signals client (packages/app/src/signals) opens one socket per
 * page; the upstream client could open two and subscribe on either, so the
 * socket that counts is the one subscribed to the channel.
 */
class SignalSockets {
  /** Every /api/signals socket the page created, in order. */
  readonly created: string[] = [];
  private readonly replicaOf = new Map<string, string>();
  private readonly channelsOf = new Map<string, Set<string>>();
  private readonly closed = new Set<string>();
  private readonly subscriptionOrder: string[] = [];

  create(socket: string, url: string) {
    if (new URL(url).pathname === '/api/signals') this.created.push(socket);
  }

  handshake(socket: string, headers: Record<string, string>) {
    const name = Object.keys(headers).find(
      key => key.toLowerCase() === 'x-gatehouse-replica',
    );
    // host:port, or a list of them when nginx had to try several.
    if (name) this.replicaOf.set(socket, headers[name].split(', ').pop()!);
  }

  sent(socket: string, payload: string) {
    let message: { action?: string; channel?: string };
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    if (message.action !== 'subscribe' || !message.channel) return;
    if (!this.channelsOf.has(socket)) this.channelsOf.set(socket, new Set());
    this.channelsOf.get(socket)!.add(message.channel);
    this.subscriptionOrder.push(socket);
  }

  close(socket: string) {
    this.closed.add(socket);
  }

  /** The replica of the open socket most recently subscribed to `channel`. */
  replicaSubscribedTo(channel: string): string | undefined {
    const socket = [...this.subscriptionOrder]
      .reverse()
      .find(
        s =>
          !this.closed.has(s) &&
          this.replicaOf.has(s) &&
          this.channelsOf.get(s)!.has(channel),
      );
    return socket && this.replicaOf.get(socket);
  }
}

test('a page connected through the balancer sees a decision taken on another replica', async ({
  browser,
}) => {
  const { body: request } = await submitStagingChange(
    `Live across replicas ${Date.now()}`,
  );
  // The approvals page's channel (approvalRequestChannel in approvals-common).
  const channel = `gatehouse:approvals:request:${request.id}`;
  const context = await browser.newContext();
  const signInPage = await context.newPage();
  await signInPage.goto('/');
  await signInPage
    .getByRole('button', { name: 'Sign in as Bob Okafor' })
    .click();
  await expect(
    signInPage.getByRole('link', { name: 'Settings' }),
  ).toBeVisible();

  // The request opens in a page of its own (signed in from the choice the
  // sign-in page stored), watched from before its first request, so every
  // socket counted below is that page's.
  const page = await context.newPage();
  await signInPage.close();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // Revalidated (304) documents fail navigation while the domain is on.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const sockets = new SignalSockets();
  cdp.on('Network.webSocketCreated', event =>
    sockets.create(event.requestId, event.url),
  );
  cdp.on('Network.webSocketHandshakeResponseReceived', event =>
    sockets.handshake(
      event.requestId,
      event.response.headers as Record<string, string>,
    ),
  );
  cdp.on('Network.webSocketFrameSent', event =>
    sockets.sent(event.requestId, event.response.payloadData),
  );
  cdp.on('Network.webSocketClosed', event => sockets.close(event.requestId));

  await page.goto(`/approvals/requests/${request.id}`);
  await expect(page.getByText(request.title).first()).toBeVisible();
  await expect(page.getByText('Pending').first()).toBeVisible();
  // Live (signals), not polling.
  await expect(page.getByText('● live')).toBeVisible();

  // The page subscribed to this request's channel on a socket nginx put on
  // one replica; the decision goes to another one, directly.
  await expect
    .poll(() => sockets.replicaSubscribedTo(channel), {
      message: `a socket subscribed to ${channel}`,
    })
    .toBeDefined();
  const held = sockets.replicaSubscribedTo(channel)!;
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
  const decidedAt = Date.now();
  // Well inside the 15 s the page would take to poll if it were not live.
  await expect(page.getByText('Approved').first()).toBeVisible({
    timeout: 10_000,
  });
  const shownAfterMs = Date.now() - decidedAt;
  await expect(
    page.getByText('Seen from another replica.').first(),
  ).toBeVisible();
  // The socket stayed where it was: the update crossed replicas.
  expect(sockets.replicaSubscribedTo(channel)).toBe(held);
  // One socket for the whole page: the inbox badge, the notifications and
  // the request subscribed on it together.
  expect(sockets.created).toHaveLength(1);
  test.info().annotations.push({
    type: 'live update',
    description: `socket on ${held}, decision on ${other.url}: shown ${shownAfterMs} ms after the decision was acknowledged`,
  });
  console.log(
    `live update: ${sockets.created.length} socket(s), subscribed on ${held}, decision on ${other.url}, shown after ${shownAfterMs} ms`,
  );
  await context.close();
});
