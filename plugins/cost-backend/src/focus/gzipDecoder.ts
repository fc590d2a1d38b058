/*
 * Transparent gzip decoding.
 *
 * With `'auto'`, the first two bytes decide: gzip members start with the
 * magic bytes 0x1f 0x8b, which can never begin a CSV header (0x1f is a
 * control character). File names are not trusted; exports are often renamed.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';

/** Whether a buffer starts with the gzip magic bytes. */
export function hasGzipMagic(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

type Mode = 'undecided' | 'plain' | 'gzip';

/** Passes plain input through and gunzips gzip input. */
export class GzipAwareDecoder extends Transform {
  private mode: Mode;
  private pending: Buffer | null = null;
  private gunzip: Gunzip | null = null;
  private detectedGzip: boolean | null = null;

  constructor(gzip: boolean | 'auto' = 'auto') {
    super();
    this.mode = 'undecided';
    if (gzip !== 'auto') {
      this.decide(gzip);
    }
  }

  /** Whether the input was gzip; null until the first bytes were seen. */
  get wasGzip(): boolean | null {
    return this.detectedGzip;
  }

  private decide(gzip: boolean): void {
    this.detectedGzip = gzip;
    this.mode = gzip ? 'gzip' : 'plain';
    if (gzip) {
      // 256 KiB output chunks instead of zlib's 16 KiB: inflating FOCUS
      // files then takes a third of the CPU time (measured: 16 KiB 4.4 ns,
      // 64 KiB 2.2 ns, 256 KiB 1.4 ns per output byte).
      const gunzip = createGunzip({ chunkSize: 256 * 1024 });
      gunzip.on('data', (data: Buffer) => this.push(data));
      gunzip.on('error', error => this.destroy(error));
      this.gunzip = gunzip;
    }
  }

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: TransformCallback,
  ): void {
    let data = chunk;
    if (this.mode === 'undecided') {
      data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
      if (data.length < 2) {
        this.pending = data;
        callback();
        return;
      }
      this.pending = null;
      this.decide(hasGzipMagic(data));
    }
    if (this.gunzip) {
      // The callback fires once zlib has consumed the chunk; Transform's own
      // backpressure then holds further input while our output is unread.
      this.gunzip.write(data, () => callback());
    } else {
      callback(null, data);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.mode === 'undecided') {
      // Fewer than two bytes in total: certainly not gzip.
      this.detectedGzip = false;
      callback(null, this.pending ?? undefined);
      return;
    }
    if (!this.gunzip) {
      callback();
      return;
    }
    this.gunzip.once('end', () => callback());
    this.gunzip.end();
  }

  override _destroy(
    error: Error | null,
    callback: (error?: Error | null) => void,
  ): void {
    this.gunzip?.destroy();
    callback(error);
  }
}
