import {
  GatehouseSignalClient,
  GatehouseSignalClientOptions,
  SignalSocket,
} from './GatehouseSignalClient';

/**
 * A WebSocket stand-in: records what the client does with it and lets the
 * test play the browser's part (open, message, error, close events).
 */
class FakeSocket implements SignalSocket {
  static instances: FakeSocket[] = [];

  readonly sent: Array<{ action: string; channel: string }> = [];
  readonly closeCalls: Array<number | undefined> = [];
  private readonly listeners = new Map<string, Array<(event: any) => void>>();

  constructor(readonly url: string, readonly protocols?: string | string[]) {
    FakeSocket.instances.push(this);
  }

  send(data: string) {
    this.sent.push(JSON.parse(data));
  }

  close(code?: number) {
    this.closeCalls.push(code);
  }

  addEventListener(type: string, listener: (event: any) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  emit(type: string, event: unknown = {}) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  /** The server accepted the handshake. */
  open() {
    this.emit('open');
  }

  receive(data: unknown) {
    this.emit('message', { data });
  }

  /** The connection broke, as a browser reports it: error, then close 1006. */
  breakOff() {
    this.emit('error');
    this.emit('close', { code: 1006 });
  }
}

function setup(options: Partial<GatehouseSignalClientOptions> = {}) {
  FakeSocket.instances = [];
  let tokens = 0;
  const getCredentials = jest.fn(async () => ({ token: `token-${++tokens}` }));
  const getBaseUrl = jest.fn(async () => 'http://gatehouse.test/api/signals');
  const client = new GatehouseSignalClient({
    discoveryApi: { getBaseUrl },
    identityApi: { getCredentials },
    WebSocket: FakeSocket,
    ...options,
  });
  return { client, getCredentials, getBaseUrl, sockets: FakeSocket.instances };
}

/** Lets the client's awaited discovery and token lookups finish. */
async function settle() {
  await jest.advanceTimersByTimeAsync(0);
}

describe('GatehouseSignalClient', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('opens one socket for concurrent subscriptions and subscribes each channel once, in order, after open', async () => {
    const { client, sockets, getCredentials } = setup();

    client.subscribe('request:1', jest.fn());
    client.subscribe('inbox', jest.fn());
    client.subscribe('request:1', jest.fn());
    await settle();

    expect(sockets).toHaveLength(1);
    expect(getCredentials).toHaveBeenCalledTimes(1);
    expect(sockets[0].url).toBe('ws://gatehouse.test/api/signals');
    expect(sockets[0].protocols).toBe('token-1');
    // Nothing goes out before the socket is open.
    expect(sockets[0].sent).toEqual([]);

    sockets[0].open();
    client.subscribe('later', jest.fn());
    client.subscribe('inbox', jest.fn());

    expect(sockets[0].sent).toEqual([
      { action: 'subscribe', channel: 'request:1' },
      { action: 'subscribe', channel: 'inbox' },
      { action: 'subscribe', channel: 'later' },
    ]);
    expect(sockets).toHaveLength(1);
  });

  it('uses wss for an https backend', async () => {
    const { client, sockets } = setup({
      discoveryApi: {
        getBaseUrl: async () => 'https://portal.test/api/signals',
      },
    });
    client.subscribe('inbox', jest.fn());
    await settle();
    expect(sockets[0].url).toBe('wss://portal.test/api/signals');
  });

  it("hands each message to its channel's callbacks and ignores malformed ones", async () => {
    const { client, sockets } = setup();
    const first = jest.fn();
    const second = jest.fn();
    const other = jest.fn();
    client.subscribe('request:1', first);
    client.subscribe('request:1', second);
    client.subscribe('inbox', other);
    await settle();
    sockets[0].open();

    sockets[0].receive('not json');
    sockets[0].receive(JSON.stringify({ message: { state: 'x' } }));
    sockets[0].receive(
      JSON.stringify({ channel: 'request:1', message: 'text' }),
    );
    sockets[0].receive(JSON.stringify(['request:1']));
    sockets[0].receive(new ArrayBuffer(4));
    sockets[0].receive(
      JSON.stringify({ channel: 'request:1', message: { state: 'approved' } }),
    );
    sockets[0].receive(JSON.stringify({ channel: 'nobody', message: {} }));

    expect(first.mock.calls).toEqual([[{ state: 'approved' }]]);
    expect(second.mock.calls).toEqual([[{ state: 'approved' }]]);
    expect(other).not.toHaveBeenCalled();
  });

  it('unsubscribes a channel when its last subscriber goes and closes normally when none is left', async () => {
    const { client, sockets } = setup();
    const a = client.subscribe('request:1', jest.fn());
    const b = client.subscribe('request:1', jest.fn());
    const inboxCallback = jest.fn();
    const inbox = client.subscribe('inbox', inboxCallback);
    await settle();
    sockets[0].open();

    a.unsubscribe();
    a.unsubscribe(); // twice is once
    expect(sockets[0].sent).toHaveLength(2);
    b.unsubscribe();
    expect(sockets[0].sent.slice(2)).toEqual([
      { action: 'unsubscribe', channel: 'request:1' },
    ]);
    expect(sockets[0].closeCalls).toEqual([]);

    inbox.unsubscribe();
    expect(sockets[0].sent.slice(3)).toEqual([
      { action: 'unsubscribe', channel: 'inbox' },
    ]);
    expect(sockets[0].closeCalls).toEqual([1000]);

    // The close we asked for is not a loss: no reconnect, no callbacks.
    sockets[0].emit('close', { code: 1000 });
    sockets[0].receive(JSON.stringify({ channel: 'inbox', message: {} }));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    expect(inboxCallback).not.toHaveBeenCalled();
  });

  it('opens no socket when every subscriber leaves before the token arrives, and a new one later', async () => {
    const { client, sockets } = setup();
    client.subscribe('inbox', jest.fn()).unsubscribe();
    await settle();
    expect(sockets).toHaveLength(0);

    client.subscribe('inbox', jest.fn());
    await settle();
    expect(sockets).toHaveLength(1);
    sockets[0].open();
    expect(sockets[0].sent).toEqual([
      { action: 'subscribe', channel: 'inbox' },
    ]);
  });

  it('reconnects with a fresh token after an abnormal close, backing off, and subscribes every channel again', async () => {
    const { client, sockets, getCredentials } = setup();
    client.subscribe('request:1', jest.fn());
    const inbox = jest.fn();
    client.subscribe('inbox', inbox);
    await settle();
    sockets[0].open();

    sockets[0].breakOff();
    // First retry after 1 s.
    await jest.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);
    expect(sockets[1].protocols).toBe('token-2');

    // That one fails to connect: the next retry waits 2 s, then 4 s.
    sockets[1].breakOff();
    await jest.advanceTimersByTimeAsync(1_999);
    expect(sockets).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
    sockets[2].breakOff();
    await jest.advanceTimersByTimeAsync(3_999);
    expect(sockets).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(4);
    expect(getCredentials).toHaveBeenCalledTimes(4);
    expect(sockets[3].protocols).toBe('token-4');

    sockets[3].open();
    expect(sockets[3].sent).toEqual([
      { action: 'subscribe', channel: 'request:1' },
      { action: 'subscribe', channel: 'inbox' },
    ]);
    // Messages on the new socket arrive; the old one is ignored.
    sockets[0].receive(JSON.stringify({ channel: 'inbox', message: { n: 0 } }));
    sockets[3].receive(JSON.stringify({ channel: 'inbox', message: { n: 1 } }));
    expect(inbox.mock.calls).toEqual([[{ n: 1 }]]);

    // An open socket resets the back-off: the next loss retries after 1 s.
    sockets[3].breakOff();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sockets).toHaveLength(5);
  });

  it('caps the back-off', async () => {
    const { client, sockets } = setup({
      initialReconnectDelayMs: 1_000,
      maxReconnectDelayMs: 5_000,
    });
    client.subscribe('inbox', jest.fn());
    await settle();
    for (const delay of [1_000, 2_000, 4_000, 5_000, 5_000]) {
      const count = sockets.length;
      sockets[count - 1].breakOff();
      await jest.advanceTimersByTimeAsync(delay - 1);
      expect(sockets).toHaveLength(count);
      await jest.advanceTimersByTimeAsync(1);
      expect(sockets).toHaveLength(count + 1);
    }
  });

  it('reconnects after the server closes cleanly while channels are still wanted', async () => {
    const { client, sockets } = setup();
    client.subscribe('inbox', jest.fn());
    await settle();
    sockets[0].open();
    sockets[0].emit('close', { code: 1001 });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sockets).toHaveLength(2);
  });

  it('closes a socket that does not open in time and tries again', async () => {
    const { client, sockets } = setup({ openTimeoutMs: 10_000 });
    client.subscribe('inbox', jest.fn());
    await settle();

    await jest.advanceTimersByTimeAsync(9_999);
    expect(sockets[0].closeCalls).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(sockets[0].closeCalls).toHaveLength(1);
    expect(sockets).toHaveLength(1);

    // Opening late does not revive it.
    sockets[0].open();
    expect(sockets[0].sent).toEqual([]);

    await jest.advanceTimersByTimeAsync(1_000);
    expect(sockets).toHaveLength(2);
    sockets[1].open();
    expect(sockets[1].sent).toEqual([
      { action: 'subscribe', channel: 'inbox' },
    ]);
    // The open socket's timer is gone: it is not closed 10 s later.
    await jest.advanceTimersByTimeAsync(30_000);
    expect(sockets[1].closeCalls).toEqual([]);
    expect(sockets).toHaveLength(2);
  });

  it('retries when the token cannot be had', async () => {
    const getCredentials = jest
      .fn()
      .mockRejectedValueOnce(new Error('signed out'))
      .mockResolvedValue({ token: 'token-later' });
    const { client, sockets } = setup({ identityApi: { getCredentials } });
    client.subscribe('inbox', jest.fn());
    await settle();
    expect(sockets).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sockets).toHaveLength(1);
    expect(sockets[0].protocols).toBe('token-later');
  });

  it('stops retrying when the last subscriber leaves while waiting', async () => {
    const { client, sockets } = setup();
    const sub = client.subscribe('inbox', jest.fn());
    await settle();
    sockets[0].breakOff();
    sub.unsubscribe();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
  });
});
