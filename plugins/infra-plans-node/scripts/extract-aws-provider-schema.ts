/*
 * Writes src/checks/awsProviderSchema.json: the AWS provider's schema for the
 * resource and data-source types the generator emits, taken from the prebuilt
 * CDKTF bindings on the npm registry (@cdktf/provider-aws). The check
 * src/checks/terraformProviderSchema.ts reads the snapshot, so neither the
 * check nor the tests need the 37 MB package or the network.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     plugins/infra-plans-node/scripts/extract-aws-provider-schema.ts [VERSION]
 *
 * npm fetches the package with its own registry configuration. When the
 * generator starts emitting a new type, add it to TYPES below and run this
 * again (a test fails until then).
 *
 * Where the schema comes from: each type's `lib/<type>/index.js` carries its
 * TypeScript source in an inline source map. That source is parsed with the
 * TypeScript compiler API:
 * - `synthesizeHclAttributes()` of the resource class, and the
 *   `<struct>ToHclTerraform()` function of each nested block, list every
 *   argument with `isBlock`, `type` (simple, list, set, map, struct) and
 *   `storageClassType` (string, number, boolean, stringList, stringMap, any,
 *   or a struct name);
 * - the `<Class>Config` interface and each block's struct interface mark
 *   required arguments (no `?`) and blocks allowed once (not an array);
 * - a `// name - computed: true, optional: false, required: false` comment
 *   above a class member marks an attribute the provider sets and the
 *   configuration may not.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// Both are devDependencies of the repository root (this script is run by
// hand, never by the package): adding them to this package would only
// duplicate them.
// eslint-disable-next-line @backstage/no-undeclared-imports
import prettier from 'prettier';
// eslint-disable-next-line @backstage/no-undeclared-imports
import ts from 'typescript';

const PACKAGE = '@cdktf/provider-aws';
const DEFAULT_VERSION = '21.22.1';
const OUT = resolve(__dirname, '../src/checks/awsProviderSchema.json');

/** Every type the generator emits (src/checks/terraformProviderSchema.test.ts keeps this complete). */
const TYPES = {
  resources: [
    'aws_cloudwatch_log_group',
    'aws_db_instance',
    'aws_db_instance_automated_backups_replication',
    'aws_db_subnet_group',
    'aws_eip',
    'aws_eks_addon',
    'aws_eks_cluster',
    'aws_eks_node_group',
    'aws_elasticache_parameter_group',
    'aws_elasticache_replication_group',
    'aws_elasticache_subnet_group',
    'aws_flow_log',
    'aws_iam_role',
    'aws_iam_role_policy',
    'aws_iam_role_policy_attachment',
    'aws_internet_gateway',
    'aws_kms_alias',
    'aws_kms_key',
    'aws_launch_template',
    'aws_lb',
    'aws_lb_listener',
    'aws_lb_listener_rule',
    'aws_lb_target_group',
    'aws_nat_gateway',
    'aws_network_acl',
    'aws_network_acl_rule',
    'aws_route_table',
    'aws_route_table_association',
    'aws_s3_bucket',
    'aws_s3_bucket_lifecycle_configuration',
    'aws_s3_bucket_public_access_block',
    'aws_s3_bucket_replication_configuration',
    'aws_s3_bucket_server_side_encryption_configuration',
    'aws_s3_bucket_versioning',
    'aws_secretsmanager_secret',
    'aws_security_group',
    'aws_sqs_queue',
    'aws_subnet',
    'aws_vpc',
    'aws_vpc_security_group_egress_rule',
    'aws_vpc_security_group_ingress_rule',
    'aws_wafv2_web_acl',
    'aws_wafv2_web_acl_association',
  ],
  dataSources: [
    'aws_acm_certificate',
    'aws_caller_identity',
    'aws_iam_policy_document',
    'aws_partition',
  ],
};

/** Terraform's name for an argument's value type. */
type ValueType =
  | 'string'
  | 'number'
  | 'bool'
  | 'list(string)'
  | 'set(string)'
  | 'map(string)'
  | 'any';

interface AttributeSchema {
  type: ValueType;
  required?: true;
}

interface BlockSchema {
  attributes: Record<string, AttributeSchema>;
  blocks: Record<string, NestedBlockSchema>;
  /** Attributes and blocks the provider sets; a configuration may not. */
  computedOnly: string[];
}

interface NestedBlockSchema extends BlockSchema {
  /** `single`: one block, no more (HCL still writes it as a block). */
  nesting: 'list' | 'set' | 'single';
  required?: true;
  maxItems?: 1;
}

/** `type` and `storageClassType` of synthesizeHclAttributes → value type. */
const VALUE_TYPES: Record<string, ValueType> = {
  'simple string': 'string',
  'simple number': 'number',
  'simple boolean': 'bool',
  'simple any': 'any',
  'list stringList': 'list(string)',
  'set stringList': 'set(string)',
  'map stringMap': 'map(string)',
};

/** `type` of a block in synthesizeHclAttributes → nesting mode; `struct` is a block allowed once. */
const NESTING: Record<string, NestedBlockSchema['nesting']> = {
  list: 'list',
  set: 'set',
  struct: 'single',
};

/** The TypeScript source of a compiled module, from its inline source map. */
function originalSource(compiledJs: string): string {
  const marker = 'sourceMappingURL=data:application/json;base64,';
  const at = compiledJs.lastIndexOf(marker);
  if (at < 0) throw new Error('no inline source map');
  const map = JSON.parse(
    Buffer.from(compiledJs.slice(at + marker.length).trim(), 'base64').toString(
      'utf8',
    ),
  );
  return map.sourcesContent[0];
}

/** The declarations of one binding's source file, by name. */
class BindingSource {
  readonly file: ts.SourceFile;
  private readonly declarations = new Map<string, ts.Node>();

  constructor(text: string, fileName: string) {
    this.file = ts.createSourceFile(
      fileName,
      text,
      ts.ScriptTarget.Latest,
      true,
    );
    for (const statement of this.file.statements) {
      if (
        (ts.isClassDeclaration(statement) ||
          ts.isFunctionDeclaration(statement) ||
          ts.isInterfaceDeclaration(statement)) &&
        statement.name
      ) {
        this.declarations.set(statement.name.text, statement);
      }
    }
  }

  get<T extends ts.Node>(name: string, is: (node: ts.Node) => node is T): T {
    const node = this.declarations.get(name);
    if (!node || !is(node))
      throw new Error(`${this.file.fileName}: no ${name}`);
    return node;
  }

  has(name: string): boolean {
    return this.declarations.has(name);
  }

  /** The class whose `static tfResourceType` is the given Terraform type. */
  resourceClass(terraformType: string): ts.ClassDeclaration {
    for (const statement of this.file.statements) {
      if (!ts.isClassDeclaration(statement)) continue;
      const typeMember = statement.members.find(
        m =>
          ts.isPropertyDeclaration(m) &&
          m.name.getText() === 'tfResourceType' &&
          m.initializer &&
          ts.isStringLiteral(m.initializer) &&
          m.initializer.text === terraformType,
      );
      if (typeMember) return statement;
    }
    throw new Error(`${this.file.fileName}: no class for ${terraformType}`);
  }
}

function propertyName(node: ts.ObjectLiteralElementLike): string {
  if (!node.name) throw new Error(`unnamed property ${node.getText()}`);
  return ts.isStringLiteral(node.name) ? node.name.text : node.name.getText();
}

/** The object literal assigned to `const attrs` inside a function body. */
function attrsLiteral(body: ts.Node): ts.ObjectLiteralExpression {
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      node.name.getText() === 'attrs' &&
      node.initializer &&
      ts.isObjectLiteralExpression(node.initializer)
    ) {
      found = node.initializer;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(body);
  if (!found) throw new Error(`no attrs in ${body.getText().slice(0, 80)}`);
  return found;
}

/** One argument of an attrs literal: its fields, and the identifiers its `value` expression uses. */
interface ArgumentEntry {
  name: string;
  isBlock: boolean;
  type: string;
  storageClassType: string;
  /** The struct or config property it is read from, e.g. `subnetIds`. */
  property: string;
  /** For a block, the function converting its struct, e.g. `eksClusterVpcConfigToHclTerraform`. */
  converter?: string;
}

function argumentEntries(
  attrs: ts.ObjectLiteralExpression,
  source: BindingSource,
): ArgumentEntry[] {
  return attrs.properties.map(property => {
    if (
      !ts.isPropertyAssignment(property) ||
      !ts.isObjectLiteralExpression(property.initializer)
    ) {
      throw new Error(`unexpected attrs entry ${property.getText()}`);
    }
    const fields = new Map<string, ts.Expression>();
    for (const field of property.initializer.properties) {
      if (ts.isPropertyAssignment(field)) {
        fields.set(propertyName(field), field.initializer);
      }
    }
    const literal = (key: string) => {
      const value = fields.get(key);
      if (value && ts.isStringLiteral(value)) return value.text;
      throw new Error(`${propertyName(property)}: no ${key}`);
    };
    const value = fields.get('value');
    let readFrom: string | undefined;
    let converter: string | undefined;
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const target = node.expression.getText().replace(/!$/, '');
        if (target === 'struct' || target === 'this') {
          readFrom ??= node.name.text.replace(/^_/, '');
        }
      }
      if (
        ts.isIdentifier(node) &&
        node.text.endsWith('ToHclTerraform') &&
        source.has(node.text)
      ) {
        converter ??= node.text;
      }
      ts.forEachChild(node, visit);
    };
    if (value) visit(value);
    if (!readFrom) throw new Error(`${propertyName(property)}: no property`);
    return {
      name: propertyName(property),
      isBlock: fields.get('isBlock')?.kind === ts.SyntaxKind.TrueKeyword,
      type: literal('type'),
      storageClassType: literal('storageClassType'),
      property: readFrom,
      converter,
    };
  });
}

/** How a config or struct interface declares each property: optional or not, array or not. */
function interfaceProperties(
  declaration: ts.InterfaceDeclaration,
): Map<string, { optional: boolean; array: boolean }> {
  const properties = new Map<string, { optional: boolean; array: boolean }>();
  for (const member of declaration.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const types = ts.isUnionTypeNode(member.type)
      ? member.type.types
      : [member.type];
    properties.set(member.name.getText(), {
      optional: Boolean(member.questionToken),
      array: types.some(t => ts.isArrayTypeNode(t)),
    });
  }
  return properties;
}

const COMPUTED_ONLY =
  /^\/\/ (\w+) - computed: true, optional: false, required: false$/;

/** Names marked computed-only by the comments above a class's members. */
function computedOnlyNames(declaration: ts.ClassDeclaration): string[] {
  const text = declaration.getSourceFile().getFullText();
  const names = new Set<string>();
  for (const member of declaration.members) {
    for (const range of ts.getLeadingCommentRanges(
      text,
      member.getFullStart(),
    ) ?? []) {
      const match = COMPUTED_ONLY.exec(text.slice(range.pos, range.end).trim());
      if (match) names.add(match[1]);
    }
  }
  return [...names].sort();
}

/** The struct interface a `<struct>ToHclTerraform(struct?: XOutputReference | X)` converts. */
function structOf(converter: ts.FunctionDeclaration): string {
  const type = converter.parameters[0]?.type;
  const names = (type && ts.isUnionTypeNode(type) ? type.types : [type])
    .filter((t): t is ts.TypeReferenceNode => !!t && ts.isTypeReferenceNode(t))
    .map(t => t.typeName.getText())
    .filter(name => !name.endsWith('OutputReference') && !name.includes('.'));
  if (names.length !== 1) {
    throw new Error(`cannot tell the struct of ${converter.name?.text}`);
  }
  return names[0];
}

function blockSchema(
  source: BindingSource,
  attrs: ts.ObjectLiteralExpression,
  declared: Map<string, { optional: boolean; array: boolean }>,
  computedOnly: string[],
  context: string,
): BlockSchema {
  const schema: BlockSchema = { attributes: {}, blocks: {}, computedOnly };
  for (const entry of argumentEntries(attrs, source)) {
    const declaration = declared.get(entry.property);
    if (!declaration) {
      throw new Error(
        `${context}.${entry.name}: ${entry.property} not declared`,
      );
    }
    const required = declaration.optional ? {} : { required: true as const };
    if (!entry.isBlock) {
      const type = VALUE_TYPES[`${entry.type} ${entry.storageClassType}`];
      if (!type) {
        throw new Error(
          `${context}.${entry.name}: unknown value type ${entry.type} ${entry.storageClassType}`,
        );
      }
      schema.attributes[entry.name] = { type, ...required };
      continue;
    }
    if (!entry.converter) {
      throw new Error(`${context}.${entry.name}: block without a converter`);
    }
    const converter = source.get(entry.converter, ts.isFunctionDeclaration);
    const struct = structOf(converter);
    const outputReference = `${struct}OutputReference`;
    const nested = blockSchema(
      source,
      attrsLiteral(converter),
      interfaceProperties(source.get(struct, ts.isInterfaceDeclaration)),
      source.has(outputReference)
        ? computedOnlyNames(source.get(outputReference, ts.isClassDeclaration))
        : [],
      `${context}.${entry.name}`,
    );
    const nesting = NESTING[entry.type];
    if (!nesting) {
      throw new Error(
        `${context}.${entry.name}: unknown nesting ${entry.type}`,
      );
    }
    schema.blocks[entry.name] = {
      nesting,
      ...required,
      ...(declaration.array ? {} : { maxItems: 1 as const }),
      ...nested,
    };
  }
  return schema;
}

/** The schema of one resource or data-source type from its binding's source. */
export function extractTypeSchema(
  sourceText: string,
  terraformType: string,
): BlockSchema {
  const source = new BindingSource(sourceText, `${terraformType}.ts`);
  const resourceClass = source.resourceClass(terraformType);
  const method = resourceClass.members.find(
    m =>
      ts.isMethodDeclaration(m) &&
      m.name.getText() === 'synthesizeHclAttributes',
  );
  if (!method) throw new Error(`${terraformType}: no synthesizeHclAttributes`);
  // Usually `<Class>Config`, but renamed on a clash (`…ConfigA`): ask the constructor.
  const constructor = resourceClass.members.find(ts.isConstructorDeclaration);
  const configType = constructor?.parameters
    .find(p => p.name.getText() === 'config')
    ?.type?.getText();
  if (!configType) throw new Error(`${terraformType}: no config parameter`);
  const config = source.get(configType, ts.isInterfaceDeclaration);
  return blockSchema(
    source,
    attrsLiteral(method),
    interfaceProperties(config),
    computedOnlyNames(resourceClass),
    terraformType,
  );
}

/** `aws_eks_cluster` → `lib/eks-cluster`; data sources are under `lib/data-aws-…`. */
function bindingDirectory(
  terraformType: string,
  kind: 'resource' | 'data',
): string {
  const kebab = terraformType.replace(/_/g, '-');
  return kind === 'data' ? `data-${kebab}` : kebab.replace(/^aws-/, '');
}

/** The Terraform provider version the bindings were generated from, from a docs link. */
function terraformProviderVersion(sourceText: string): string {
  const match =
    /registry\.terraform\.io\/providers\/hashicorp\/aws\/([\d.]+)\//.exec(
      sourceText,
    );
  if (!match) throw new Error('no Terraform provider version in the bindings');
  return match[1];
}

function main(version: string) {
  const work = mkdtempSync(join(tmpdir(), 'gatehouse-provider-aws-'));
  try {
    execFileSync('npm', ['pack', `${PACKAGE}@${version}`, '--silent'], {
      cwd: work,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tarball = `cdktf-provider-aws-${version}.tgz`;
    execFileSync('tar', ['-xzf', tarball, '-C', work], { cwd: work });
    const read = (type: string, kind: 'resource' | 'data') =>
      originalSource(
        readFileSync(
          join(work, 'package/lib', bindingDirectory(type, kind), 'index.js'),
          'utf8',
        ),
      );
    const resources: Record<string, BlockSchema> = {};
    const dataSources: Record<string, BlockSchema> = {};
    let providerVersion = '';
    for (const type of TYPES.resources) {
      const text = read(type, 'resource');
      providerVersion ||= terraformProviderVersion(text);
      resources[type] = extractTypeSchema(text, type);
    }
    for (const type of TYPES.dataSources) {
      dataSources[type] = extractTypeSchema(read(type, 'data'), type);
    }
    const snapshot = {
      package: PACKAGE,
      version,
      terraformProvider: `hashicorp/aws ${providerVersion}`,
      extracted: new Date().toISOString().slice(0, 10),
      resources,
      dataSources,
    };
    // Formatted as the repository's prettier check expects.
    const options = prettier.resolveConfig.sync(OUT) ?? {};
    writeFileSync(
      OUT,
      prettier.format(JSON.stringify(snapshot), { ...options, parser: 'json' }),
    );
    process.stdout.write(
      `Wrote ${OUT}: ${TYPES.resources.length} resource types, ${TYPES.dataSources.length} data sources of ${PACKAGE} ${version} (hashicorp/aws ${providerVersion})\n`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv[2] ?? DEFAULT_VERSION);
}
