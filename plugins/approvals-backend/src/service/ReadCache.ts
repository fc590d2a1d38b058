import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';

/** Where the cache learns whether anything changed since an answer was computed. */
export type ChangeMarkSource = { changeMark(): Promise<number> };

/** An answer as JSON text, with the entity tag HTTP caches revalidate with. */
export type ReadAnswer = { body: string; etag: string };

type Entry = ReadAnswer & { mark: number };

/**
 * Serialised answers of the read APIs (inbox pages, badge counts, request
 * pages), kept per viewer and query. An answer is reused only while the
 * store's change mark is the one it was computed at, and the mark moves in
 * the transaction of every change, so a change made through any replica is
 * seen by the next read on every replica: the cache saves the work of
 * reading and serialising, never freshness.
 *
 * The inbox is polled (badge counts, open pages falling back from signals),
 * so most reads repeat an answer nothing has changed since.
 */
export class ReadCache {
  private readonly entries: LRUCache<string, Entry> | undefined;
  /** Answers being computed, so concurrent identical reads compute once. */
  private readonly pending = new Map<string, Promise<ReadAnswer>>();

  /** maxBytes 0 turns caching off: every read computes its answer. */
  constructor(private readonly marks: ChangeMarkSource, maxBytes: number) {
    this.entries =
      maxBytes > 0
        ? new LRUCache<string, Entry>({
            maxSize: maxBytes,
            // JavaScript strings take two bytes a character.
            sizeCalculation: entry => Math.max(1, entry.body.length * 2),
          })
        : undefined;
  }

  /** compute()'s answer for key as JSON text, computed or reused. */
  async json(
    key: string,
    compute: () => Promise<unknown>,
  ): Promise<ReadAnswer> {
    if (!this.entries) return answerOf(await compute());
    // The mark is read before the answer is computed: a change committed in
    // between makes the answer newer than its mark, never older, so at worst
    // the next read computes again.
    const mark = await this.marks.changeMark();
    const cached = this.entries.get(key);
    if (cached?.mark === mark) return cached;

    const flight = `${mark}\n${key}`;
    const running = this.pending.get(flight);
    if (running) return running;
    const computing = (async () => {
      const answer = answerOf(await compute());
      this.entries!.set(key, { ...answer, mark });
      return answer;
    })();
    this.pending.set(flight, computing);
    try {
      return await computing;
    } finally {
      this.pending.delete(flight);
    }
  }
}

/** Serialises once and tags the text, so a reused answer costs neither again. */
function answerOf(value: unknown): ReadAnswer {
  const body = JSON.stringify(value);
  const digest = createHash('sha1').update(body).digest('base64url');
  return { body, etag: `W/"${digest}"` };
}
