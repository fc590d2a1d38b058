/**
 * What a generated environment repository builds, read from its files the
 * way Terraform and the AWS Load Balancer Controller would: every resource
 * block of terraform/*.tf (times its `count`), in the region of its
 * provider, and every application load balancer the controller creates from
 * the Ingresses in kubernetes/.
 */
import { parse as parseHcl } from '@cdktn/hcl2json';
import { parse as parseYaml } from 'yaml';

type RepositoryFile = { path: string; content: string };

/** One built resource instance: its Terraform type, block name and region. */
export type BuiltResource = { type: string; name: string; region: string };

type HclBody = Record<string, unknown>;
/** `resource "type" "name" {…}` as hcl2json gives it: type → name → bodies. */
type HclFile = {
  provider?: { aws?: HclBody[] };
  resource?: Record<string, Record<string, HclBody[]>>;
};

/** `${aws.us_west_2}` → `us_west_2`; undefined for the default provider. */
function providerAlias(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const match = /^\$\{aws\.([a-z0-9_]+)\}$/.exec(String(value));
  if (!match) throw new Error(`unexpected provider reference ${value}`);
  return match[1];
}

/** Alias → region of the `provider "aws"` blocks with an alias. */
function aliasRegions(providers: HclBody[]): Map<string, string> {
  const regions = new Map<string, string>();
  for (const provider of providers) {
    if (provider.alias !== undefined) {
      regions.set(String(provider.alias), String(provider.region));
    }
  }
  return regions;
}

/** How many instances a block stands for; only literal counts can be read. */
function instanceCount(type: string, name: string, count: unknown): number {
  if (count === undefined) return 1;
  if (typeof count === 'number' && Number.isInteger(count)) return count;
  throw new Error(`${type}.${name} has a count that is not a number: ${count}`);
}

/** Resource instances declared in the repository's Terraform files. */
export async function terraformResources(
  files: RepositoryFile[],
  defaultRegion: string,
): Promise<BuiltResource[]> {
  const parsed: HclFile[] = [];
  for (const file of files) {
    if (file.path.startsWith('terraform/') && file.path.endsWith('.tf')) {
      parsed.push((await parseHcl(file.path, file.content)) as HclFile);
    }
  }
  const providers = parsed.flatMap(hcl => hcl.provider?.aws ?? []);
  const regions = aliasRegions(providers);
  const built: BuiltResource[] = [];
  for (const hcl of parsed) {
    for (const [type, byName] of Object.entries(hcl.resource ?? {})) {
      for (const [name, blocks] of Object.entries(byName)) {
        for (const body of blocks) {
          if (body.for_each !== undefined) {
            throw new Error(`${type}.${name} uses for_each, which is not read`);
          }
          const alias = providerAlias(body.provider);
          const region =
            alias === undefined ? defaultRegion : regions.get(alias);
          if (!region) throw new Error(`no provider aws.${alias}`);
          const count = instanceCount(type, name, body.count);
          for (let i = 0; i < count; i++) built.push({ type, name, region });
        }
      }
    }
  }
  return built;
}

const LOAD_BALANCER_NAME = 'alb.ingress.kubernetes.io/load-balancer-name';

/**
 * The application load balancers the AWS Load Balancer Controller creates
 * from the Ingresses (ingress mode): one per distinct load balancer name,
 * as Ingresses of one group share one ALB.
 */
export function controllerLoadBalancers(
  files: RepositoryFile[],
  region: string,
): BuiltResource[] {
  const names = new Set<string>();
  for (const file of files) {
    if (file.path.startsWith('kubernetes/') && file.path.endsWith('.yaml')) {
      const object = parseYaml(file.content);
      if (object?.kind !== 'Ingress') continue;
      const name = object.metadata?.annotations?.[LOAD_BALANCER_NAME];
      if (!name) {
        throw new Error(`${file.path} does not name its load balancer`);
      }
      names.add(name);
    }
  }
  return [...names].map(name => ({ type: 'aws_lb', name, region }));
}
