import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { NotFoundError } from '@backstage/errors';
import type { ListedFile } from '../../focus';
import { BillingSource, isBillingFileName } from './BillingSource';

/**
 * Billing exports in a folder on the backend's machine (and its subfolders):
 * the embedded default, and a mounted volume in production.
 */
export class LocalFolderSource implements BillingSource {
  private readonly root: string;

  constructor(readonly id: string, baseDir = process.cwd()) {
    this.root = resolve(baseDir, id);
  }

  async list(): Promise<ListedFile[]> {
    const files: ListedFile[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      for (const entry of entries.sort((a, b) =>
        a.name.localeCompare(b.name),
      )) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
          await walk(full);
        } else if (entry.isFile() && isBillingFileName(entry.name)) {
          const info = await stat(full);
          files.push({
            path: relative(this.root, full).split(sep).join('/'),
            size: info.size,
            // Whole milliseconds: the column is a bigint, and PostgreSQL
            // refuses the fraction mtimeMs carries.
            mtime: Math.floor(info.mtimeMs),
          });
        }
      }
    };
    await walk(this.root);
    return files;
  }

  async open(path: string): Promise<Readable> {
    const full = resolve(this.root, path);
    // Listed paths only: never read outside the configured folder.
    if (!full.startsWith(this.root + sep)) {
      throw new NotFoundError(`${path} is not in ${this.id}`);
    }
    return createReadStream(full);
  }
}
