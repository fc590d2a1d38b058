import type { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { INFRA_PLAN_ANNOTATION } from '@gatehouse/plugin-infra-plans-common';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/** Where an entity's plan lives: a local file or a URL the URL reader serves. */
export type PlanLocation =
  | { type: 'file'; path: string }
  | { type: 'url'; url: string };

export const describeLocation = (location: PlanLocation) =>
  location.type === 'file' ? `file:${location.path}` : `url:${location.url}`;

/**
 * Resolves the `gatehouse.io/infra-plan` annotation: an absolute URL, or a
 * path relative to where the entity itself was read from (its source
 * location, else the location that manages it), like `./infra-plan.yaml` next
 * to `catalog-info.yaml`.
 */
export function locatePlan(entity: Entity): PlanLocation | undefined {
  const value = entity.metadata.annotations?.[INFRA_PLAN_ANNOTATION]?.trim();
  if (!value) return undefined;
  if (/^https?:\/\//.test(value)) return { type: 'url', url: value };
  if (value.startsWith('url:') || value.startsWith('file:')) {
    const ref = parseLocationRef(value);
    return ref.type === 'file'
      ? { type: 'file', path: resolve(ref.target) }
      : { type: 'url', url: ref.target };
  }
  const base =
    entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION] ??
    entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!base) {
    throw new InputError(
      `${INFRA_PLAN_ANNOTATION} is the relative path "${value}", but the entity has no location to resolve it against`,
    );
  }
  const ref = parseLocationRef(base);
  if (ref.type === 'file') {
    // A file location's target is the catalog file; a source location's a folder.
    const dir = ref.target.endsWith('/') ? ref.target : dirname(ref.target);
    return { type: 'file', path: resolve(dir, value) };
  }
  return { type: 'url', url: new URL(value, ref.target).toString() };
}

/**
 * Reads plan text. Local files are only read inside the configured folders
 * (the catalog's own file locations and the local publisher's folder), so an
 * annotation cannot make the backend read arbitrary files.
 */
export class PlanSourceReader {
  constructor(
    private readonly urlReader: UrlReaderService,
    private readonly allowedDirectories: string[],
  ) {}

  async read(location: PlanLocation): Promise<string> {
    if (location.type === 'url') {
      const response = await this.urlReader.readUrl(location.url);
      return (await response.buffer()).toString('utf8');
    }
    const allowed = this.allowedDirectories.some(dir => {
      const rel = relative(dir, location.path);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    });
    if (!allowed) {
      throw new NotAllowedError(
        `${location.path} is outside the folders plans may be read from (gatehouse.infraPlans.allowedDirectories)`,
      );
    }
    return readFile(location.path, 'utf8');
  }
}
