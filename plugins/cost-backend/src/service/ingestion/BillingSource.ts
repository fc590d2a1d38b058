import type { Readable } from 'node:stream';
import type { ListedFile } from '../../focus';

/** A configured place billing exports are read from. */
export interface BillingSource {
  /** The location as configured; ingested files are remembered per source. */
  readonly id: string;
  /** The billing files there now. */
  list(): Promise<ListedFile[]>;
  /** A stream of one listed file's bytes (gzip or plain). */
  open(path: string): Promise<Readable>;
}

/** File names that hold FOCUS exports: CSV, optionally gzipped. */
export const isBillingFileName = (name: string) =>
  /\.csv(\.gz)?$|\.gz$/i.test(name);
