import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { ListedFile } from '../../focus';
import { BillingSource, isBillingFileName } from './BillingSource';

/**
 * Billing exports at any location Backstage's URL reader serves (S3 buckets,
 * Git hosts, HTTP with a glob, ...). The URL reader gives no sizes, so each
 * file is fetched once while listing to fingerprint it; unchanged files are
 * then skipped without parsing.
 */
export class UrlReaderSource implements BillingSource {
  private readonly contents = new Map<string, Buffer>();

  constructor(readonly id: string, private readonly reader: UrlReaderService) {}

  async list(): Promise<ListedFile[]> {
    this.contents.clear();
    const response = await this.reader.search(this.id);
    const files: ListedFile[] = [];
    for (const file of response.files) {
      if (!isBillingFileName(new URL(file.url).pathname)) continue;
      const content = await file.content();
      this.contents.set(file.url, content);
      files.push({
        path: file.url,
        size: content.length,
        mtime: file.lastModifiedAt?.getTime() ?? 0,
        sha256: createHash('sha256').update(content).digest('hex'),
      });
    }
    return files.sort((a, b) => a.path.localeCompare(b.path));
  }

  async open(path: string): Promise<Readable> {
    const content = this.contents.get(path);
    if (!content) {
      throw new NotFoundError(`${path} was not listed in ${this.id}`);
    }
    return Readable.from([content]);
  }
}
