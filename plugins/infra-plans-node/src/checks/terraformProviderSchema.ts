/**
 * Checks generated Terraform against the AWS provider's schema, as
 * `terraform validate` would with the provider installed (it cannot run here:
 * there is no provider registry). The schema is a snapshot of the types the
 * generator emits, extracted from the CDKTF bindings of the provider
 * (scripts/extract-aws-provider-schema.ts writes awsProviderSchema.json).
 *
 * Every `resource` and `data` block of every .tf file is checked for: a type
 * the schema does not know, an argument or block the type does not have, one
 * the provider computes and the configuration may not set, a block written as
 * an attribute or an attribute written as a block, more than one of a block
 * allowed once, a literal value of the wrong type, and a missing required
 * argument or block. Expressions (`${…}`) are not type-checked.
 */
import { parse } from '@cdktn/hcl2json';
import type { GeneratedFileIssue, RenderedFile } from '../types';
import snapshot from './awsProviderSchema.json';

/** A value type as Terraform names it; `any`: the bindings do not say. */
export type ProviderValueType =
  | 'string'
  | 'number'
  | 'bool'
  | 'list(string)'
  | 'set(string)'
  | 'map(string)'
  | 'any';

/** The arguments and nested blocks of a resource, data source or block. */
export interface ProviderBlockSchema {
  attributes: Record<string, { type: string; required?: boolean }>;
  blocks: Record<string, ProviderNestedBlockSchema>;
  /** Attributes and blocks the provider sets; a configuration may not. */
  computedOnly: string[];
}

export interface ProviderNestedBlockSchema extends ProviderBlockSchema {
  nesting: 'list' | 'set' | 'single' | string;
  required?: boolean;
  maxItems?: number;
}

/** A provider schema snapshot, as awsProviderSchema.json holds it. */
export interface ProviderSchema {
  package: string;
  version: string;
  terraformProvider: string;
  extracted: string;
  resources: Record<string, ProviderBlockSchema>;
  dataSources: Record<string, ProviderBlockSchema>;
}

export const AWS_PROVIDER_SCHEMA_SNAPSHOT = snapshot as ProviderSchema;

/** Name of this check in `checkedWith`. */
export const AWS_PROVIDER_SCHEMA = `AWS provider schema (${AWS_PROVIDER_SCHEMA_SNAPSHOT.package} ${AWS_PROVIDER_SCHEMA_SNAPSHOT.version})`;

/** Arguments Terraform itself gives every resource or data block. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider']);
/** Blocks Terraform itself gives every resource or data block (`dynamic` is handled on its own). */
const META_BLOCKS = {
  resource: new Set(['lifecycle', 'provisioner', 'connection']),
  data: new Set(['lifecycle']),
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Primitive = 'string' | 'number' | 'bool';

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How hcl2json writes blocks: a list of bodies, one per block. */
function isBlockList(value: Json): value is JsonObject[] {
  return Array.isArray(value) && value.length > 0 && value.every(isObject);
}

/** A string holding an expression or template: its type is only known when Terraform evaluates it. */
function isExpression(value: Json): boolean {
  return typeof value === 'string' && /\$\{|%\{/.test(value);
}

function describe(value: Json): string {
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'an object';
  return `${
    typeof value === 'boolean' ? 'bool' : typeof value
  } ${JSON.stringify(value)}`;
}

/** Whether Terraform converts a literal value to a primitive type (it converts numbers and bools to strings, and numeric or true/false strings back). */
function convertsTo(type: Primitive, value: Json): boolean {
  if (value === null || isExpression(value)) return true;
  switch (type) {
    case 'string':
      return ['string', 'number', 'boolean'].includes(typeof value);
    case 'number':
      return (
        typeof value === 'number' ||
        (typeof value === 'string' &&
          value.trim() !== '' &&
          Number.isFinite(Number(value)))
      );
    default:
      return (
        typeof value === 'boolean' || value === 'true' || value === 'false'
      );
  }
}

/** A literal value that is not of its type: where in the value (`[2]`, `.key`, or ''), and why. */
interface TypeMismatch {
  within: string;
  problem: string;
}

/** Why a literal value is not of the type; undefined when it is, or cannot be told before Terraform evaluates it. */
function typeMismatch(type: string, value: Json): TypeMismatch | undefined {
  if (value === null || isExpression(value) || type === 'any') return undefined;
  const whole = {
    within: '',
    problem: `expected ${type}, got ${describe(value)}`,
  };
  const collection = /^(list|set|map)\((string|number|bool)\)$/.exec(type);
  if (!collection) {
    return convertsTo(type as Primitive, value) ? undefined : whole;
  }
  const element = collection[2] as Primitive;
  const isCollection =
    collection[1] === 'map' ? isObject(value) : Array.isArray(value);
  if (!isCollection) return whole;
  const entries: Array<[string, Json]> = Array.isArray(value)
    ? value.map((v, index) => [`[${index}]`, v])
    : Object.entries(value as JsonObject).map(([key, v]) => [`.${key}`, v]);
  const wrong = entries.find(([, v]) => !convertsTo(element, v));
  return wrong
    ? {
        within: wrong[0],
        problem: `expected ${element}, got ${describe(wrong[1])}`,
      }
    : undefined;
}

/** Collects the problems of one resource or data block, each at its address and argument path. */
class BlockChecker {
  readonly problems: string[] = [];

  constructor(private readonly address: string) {}

  private report(path: string, problem: string) {
    this.problems.push(`${this.address}: ${path ? `${path}: ` : ''}${problem}`);
  }

  check(
    body: JsonObject,
    schema: ProviderBlockSchema,
    path: string,
    isMeta: (name: string, value: Json) => boolean = () => false,
  ) {
    const blockCounts = new Map<string, number>();
    for (const [name, value] of Object.entries(body)) {
      if (isMeta(name, value)) continue;
      const at = path ? `${path}.${name}` : name;
      if (name === 'dynamic' && isObject(value)) {
        this.checkDynamic(value, schema, path, blockCounts);
        continue;
      }
      const attribute = schema.attributes[name];
      const block = schema.blocks[name];
      if (attribute) {
        if (attribute.type !== 'any' && isBlockList(value)) {
          this.report(
            at,
            `"${name}" is an attribute: write ${name} = …, not a ${name} block`,
          );
          continue;
        }
        const mismatch = typeMismatch(attribute.type, value);
        if (mismatch) this.report(`${at}${mismatch.within}`, mismatch.problem);
      } else if (block) {
        if (!isBlockList(value)) {
          this.report(
            at,
            `"${name}" is a block: write ${name} { … }, not ${name} = …`,
          );
          continue;
        }
        blockCounts.set(name, value.length);
        value.forEach((nested, index) =>
          this.check(nested, block, `${at}[${index}]`),
        );
      } else if (schema.computedOnly.includes(name)) {
        this.report(
          at,
          `"${name}" is set by the provider and cannot be configured`,
        );
      } else {
        this.report(at, `unknown argument or block "${name}"`);
      }
    }
    for (const [name, block] of Object.entries(schema.blocks)) {
      const count = blockCounts.get(name) ?? 0;
      const at = path ? `${path}.${name}` : name;
      if (block.maxItems !== undefined && count > block.maxItems) {
        this.report(
          at,
          `at most ${block.maxItems} "${name}" block allowed, found ${count}`,
        );
      }
    }
    this.checkRequired(body, schema, path, blockCounts);
  }

  /** `dynamic "x" { for_each = …, content { … } }` generates `x` blocks: `x` must be a block, and `content` its body. */
  private checkDynamic(
    dynamic: JsonObject,
    schema: ProviderBlockSchema,
    path: string,
    blockCounts: Map<string, number>,
  ) {
    for (const [name, generators] of Object.entries(dynamic)) {
      const at = `${path ? `${path}.` : ''}dynamic.${name}`;
      const block = schema.blocks[name];
      if (!block) {
        this.report(
          at,
          schema.attributes[name]
            ? `"${name}" is an attribute, not a block: it cannot be generated with dynamic`
            : `unknown block "${name}"`,
        );
        continue;
      }
      // How many blocks a dynamic generates is unknown: count it as one, for the required check.
      blockCounts.set(name, Math.max(blockCounts.get(name) ?? 0, 1));
      for (const generator of isBlockList(generators) ? generators : []) {
        const contents = generator.content;
        if (!isBlockList(contents)) {
          this.report(at, 'a dynamic block needs a content block');
          continue;
        }
        contents.forEach(content =>
          this.check(content, block, `${at}.content`),
        );
      }
    }
  }

  private checkRequired(
    body: JsonObject,
    schema: ProviderBlockSchema,
    path: string,
    blockCounts: Map<string, number>,
  ) {
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      if (attribute.required && !(name in body)) {
        this.report(path, `missing required argument "${name}"`);
      }
    }
    for (const [name, block] of Object.entries(schema.blocks)) {
      if (block.required && !blockCounts.get(name)) {
        this.report(path, `missing required block "${name}"`);
      }
    }
  }
}

/** The problems of one parsed .tf file. */
function checkConfiguration(
  configuration: JsonObject,
  schema: ProviderSchema,
): string[] {
  const problems: string[] = [];
  const kinds = [
    {
      key: 'resource',
      types: schema.resources,
      prefix: '',
      noun: 'resource type',
    },
    {
      key: 'data',
      types: schema.dataSources,
      prefix: 'data.',
      noun: 'data source',
    },
  ] as const;
  for (const kind of kinds) {
    const byType = configuration[kind.key];
    if (!isObject(byType)) continue;
    for (const [type, byName] of Object.entries(byType)) {
      if (!isObject(byName)) continue;
      for (const [name, bodies] of Object.entries(byName)) {
        const address = `${kind.prefix}${type}.${name}`;
        const typeSchema = kind.types[type];
        if (!typeSchema) {
          problems.push(
            `${address}: ${type} is not a ${kind.noun} of the ${schema.terraformProvider} provider schema (${schema.package} ${schema.version} snapshot)`,
          );
          continue;
        }
        const checker = new BlockChecker(address);
        const metaBlocks = META_BLOCKS[kind.key];
        for (const body of isBlockList(bodies) ? bodies : []) {
          checker.check(
            body,
            typeSchema,
            '',
            (argument, value) =>
              META_ARGUMENTS.has(argument) ||
              (metaBlocks.has(argument) && isBlockList(value)),
          );
        }
        problems.push(...checker.problems);
      }
    }
  }
  return problems;
}

/**
 * Checks every `resource` and `data` block of the .tf files against the AWS
 * provider schema. Files that do not parse are left to the HCL parser check.
 */
export async function checkTerraformProviderSchema(
  files: RenderedFile[],
  schema: ProviderSchema = AWS_PROVIDER_SCHEMA_SNAPSHOT,
): Promise<GeneratedFileIssue[]> {
  const issues: GeneratedFileIssue[] = [];
  for (const file of files.filter(f => f.path.endsWith('.tf'))) {
    let configuration: JsonObject;
    try {
      configuration = (await parse(file.path, file.content)) as JsonObject;
    } catch {
      continue;
    }
    for (const message of checkConfiguration(configuration, schema)) {
      issues.push({ path: file.path, message });
    }
  }
  return issues;
}
