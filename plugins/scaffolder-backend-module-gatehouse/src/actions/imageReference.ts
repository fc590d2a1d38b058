/**
 * Container image references as OCI registries and Kubernetes read them:
 * `name[:tag][@digest]`, where the name may start with a registry host
 * (`ghcr.io/acme/api`, `localhost:5000/api`). The grammar follows the one
 * the distribution project documents for references; it is written out here
 * so a deployment is refused before anything is rendered.
 */

const alphaNumeric = '[a-z0-9]+';
// Between the lower-case letters and digits of a path component: one dot,
// one or two underscores, or any number of dashes.
const separator = '(?:[._]|__|-+)';
const pathComponent = `${alphaNumeric}(?:${separator}${alphaNumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`;
const domain = `${host}(?::[0-9]+)?`;
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const tag = '[\\w][\\w.-]{0,127}';
const digest =
  '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

const REFERENCE = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
const TAG = new RegExp(`^${tag}$`);
const DIGEST = new RegExp(`^${digest}$`);

/** Registries reject longer repository names. */
const NAME_MAX_LENGTH = 255;

/** Hex lengths of the digest algorithms registries use. */
const DIGEST_LENGTHS: Record<string, number> = {
  sha256: 64,
  sha384: 96,
  sha512: 128,
};

/** An image reference taken apart. */
export type ImageReference = {
  /** The repository, with its registry host when it has one. */
  name: string;
  tag?: string;
  digest?: string;
};

function digestHasItsLength(value: string): boolean {
  const [algorithm, hex] = value.split(':');
  const expected = DIGEST_LENGTHS[algorithm];
  return expected === undefined || hex.length === expected;
}

/** The parts of `reference`, or undefined when it is not an image reference. */
export function parseImageReference(
  reference: string,
): ImageReference | undefined {
  const match = REFERENCE.exec(reference);
  if (!match) return undefined;
  const [, repository, version, pinned] = match;
  if (repository.length > NAME_MAX_LENGTH) return undefined;
  if (pinned && !digestHasItsLength(pinned)) return undefined;
  return { name: repository, tag: version, digest: pinned };
}

/** The reference written out again. */
export function formatImageReference(image: ImageReference): string {
  return `${image.name}${image.tag ? `:${image.tag}` : ''}${
    image.digest ? `@${image.digest}` : ''
  }`;
}

/**
 * `image` with another version: a tag (`1.4.2`) replaces its tag and drops
 * its digest, a digest (`sha256:…`, with or without the `@`) pins it and
 * drops the tag. Undefined when `version` is neither.
 */
export function withVersion(
  image: ImageReference,
  version: string,
): ImageReference | undefined {
  const bare = version.startsWith('@') ? version.slice(1) : version;
  if (DIGEST.test(bare)) {
    return digestHasItsLength(bare)
      ? { name: image.name, digest: bare }
      : undefined;
  }
  if (TAG.test(version)) return { name: image.name, tag: version };
  return undefined;
}

/**
 * Why this reference does not name one version of the image, or undefined
 * when it does: without a tag or digest a registry serves `latest`, and
 * `latest` moves, so neither says what runs nor what a rollback redeploys.
 */
export function unpinnedVersion(image: ImageReference): string | undefined {
  if (image.digest) return undefined;
  if (image.tag === undefined) return 'has no tag or digest (so it is latest)';
  if (image.tag === 'latest') return 'uses the tag latest, which moves';
  return undefined;
}
