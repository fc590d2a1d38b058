type Entry<T> = {
  value: Promise<T>;
  /** Infinity while the first load is in flight. */
  expiresAt: number;
  /** When the value settled (NaN while in flight). */
  settledAt: number;
  /** A background reload; callers keep the current value until it is in. */
  refreshing?: Promise<T>;
};

/**
 * A short-lived cache where concurrent callers of the same key share one
 * load ("single flight"), and the outcome — value or error — is kept for a
 * few seconds. Errors are kept too, so a hanging cluster costs one timeout
 * per period instead of one per viewer. Keys can be reloaded in the
 * background before they expire, so callers need not wait for a load.
 */
export class SingleFlightCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private loadCount = 0;

  constructor(
    private readonly options: {
      ttlMs: number;
      errorTtlMs?: number;
      now?: () => number;
    },
  ) {}

  /** How many loads have started (for tests and benchmarks). */
  get loads() {
    return this.loadCount;
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > this.now()) return entry.value;
    // A reload is under way (bounded by its own timeout): keep answering
    // with what there is rather than make callers wait for it.
    if (entry?.refreshing) return entry.value;

    const fresh: Entry<T> = {
      value: this.start(load),
      expiresAt: Infinity,
      settledAt: NaN,
    };
    this.entries.set(key, fresh);
    this.onSettled(fresh.value, expiresAt => {
      fresh.expiresAt = expiresAt;
      fresh.settledAt = this.now();
    });
    return fresh.value;
  }

  /**
   * Reloads a key in the background when its value is at least `olderThanMs`
   * old; until the new value is in, callers get the current one, even once it
   * has expired (so it is at most the TTL plus one load old).
   */
  refreshIfOlderThan(
    key: string,
    olderThanMs: number,
    load: () => Promise<T>,
  ): void {
    const entry = this.entries.get(key);
    if (
      !entry ||
      entry.refreshing ||
      !(this.now() - entry.settledAt >= olderThanMs)
    )
      return;
    const next = this.start(load);
    entry.refreshing = next;
    this.onSettled(next, expiresAt => {
      this.entries.set(key, { value: next, expiresAt, settledAt: this.now() });
    });
  }

  /** Forgets everything (the next get loads afresh). */
  clear() {
    this.entries.clear();
  }

  private start(load: () => Promise<T>): Promise<T> {
    this.loadCount += 1;
    return load();
  }

  /** Calls back with the expiry the outcome earns: the TTL, or the error TTL. */
  private onSettled(value: Promise<T>, settle: (expiresAt: number) => void) {
    value.then(
      () => settle(this.now() + this.options.ttlMs),
      () =>
        settle(this.now() + (this.options.errorTtlMs ?? this.options.ttlMs)),
    );
  }

  private now() {
    return this.options.now?.() ?? Date.now();
  }
}
