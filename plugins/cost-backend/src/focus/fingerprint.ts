/*
 * Content fingerprints for idempotent ingestion.
 *
 * The SHA-256 is taken over the bytes exactly as stored (the compressed bytes
 * for a .gz file), by a pass-through stream placed in front of the parser, so
 * a file is read once for both hashing and parsing.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { Readable } from 'node:stream';

/** Pass-through stream that hashes and counts everything flowing through it. */
export class FingerprintingStream extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private byteCount = 0;
  private hexDigest: string | null = null;

  /** Bytes seen so far. */
  get bytes(): number {
    return this.byteCount;
  }

  /** The hex SHA-256 of all bytes, or null until the input has ended. */
  get sha256(): string | null {
    return this.hexDigest;
  }

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: TransformCallback,
  ): void {
    this.hash.update(chunk);
    this.byteCount += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.hexDigest = this.hash.digest('hex');
    callback();
  }
}

/** Hashes a whole stream without parsing it (e.g. to fill `sha256` for planning). */
export async function fingerprintStream(
  stream: Readable,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    hash.update(buffer);
    size += buffer.length;
  }
  return { sha256: hash.digest('hex'), size };
}
