import { isPlainObject } from '../util/narrow';
import { configAddressOf } from './resourceAddress';

/** A resource block of the plan's `configuration`, by config address. */
export type ConfigResource = {
  providerConfigKey?: string;
  expressions: Record<string, unknown>;
};

/**
 * Read-only view of the plan's `configuration` block: provider regions and
 * resource expressions (used to follow references such as an autoscaling
 * group's launch template). Everything is indexed lazily, on first use, so
 * plans that never need it pay nothing.
 */
export class PlanConfiguration {
  private resources?: Map<string, ConfigResource>;
  private readonly regionByProviderKey = new Map<string, string | undefined>();

  constructor(
    private readonly configuration: Record<string, unknown> | undefined,
    private readonly variables: Record<string, unknown>,
  ) {}

  private providerConfig(): Record<string, unknown> {
    const providers = this.configuration?.provider_config;
    return isPlainObject(providers) ? providers : {};
  }

  /** Whether the plan configures more than one AWS provider (aliases, modules). */
  hasSeveralAwsProviders(): boolean {
    let count = 0;
    for (const provider of Object.values(this.providerConfig())) {
      if (isPlainObject(provider) && provider.name === 'aws') count++;
    }
    return count > 1;
  }

  /**
   * Region of the default AWS provider:
   * `configuration.provider_config.aws.expressions.region.constant_value`,
   * or the root variable it references (`region = var.region`).
   */
  defaultRegion(): string | undefined {
    return this.regionForProviderKey('aws');
  }

  regionForProviderKey(key: string): string | undefined {
    if (this.regionByProviderKey.has(key))
      return this.regionByProviderKey.get(key);
    const providers = this.providerConfig();
    // Older Terraform versions prefix keys with the module name ("vpc:aws").
    const provider =
      providers[key] ?? providers[key.slice(key.indexOf(':') + 1)];
    let region: string | undefined;
    if (isPlainObject(provider) && isPlainObject(provider.expressions)) {
      const expression = provider.expressions.region;
      if (isPlainObject(expression)) {
        if (typeof expression.constant_value === 'string') {
          region = expression.constant_value;
        } else if (
          provider.module_address === undefined &&
          Array.isArray(expression.references)
        ) {
          // Only root-module providers can reference root variables.
          for (const reference of expression.references) {
            if (typeof reference === 'string' && reference.startsWith('var.')) {
              const value = this.variables[reference.slice(4)];
              if (typeof value === 'string') {
                region = value;
                break;
              }
            }
          }
        }
      }
    }
    this.regionByProviderKey.set(key, region);
    return region;
  }

  /** The configuration block of a resource instance address. */
  resourceFor(address: string): ConfigResource | undefined {
    if (!this.resources) this.resources = this.indexResources();
    return this.resources.get(configAddressOf(address));
  }

  private indexResources(): Map<string, ConfigResource> {
    const index = new Map<string, ConfigResource>();
    const visit = (module: unknown, prefix: string) => {
      if (!isPlainObject(module)) return;
      if (Array.isArray(module.resources)) {
        for (const resource of module.resources) {
          if (!isPlainObject(resource)) continue;
          if (
            typeof resource.type !== 'string' ||
            typeof resource.name !== 'string'
          )
            continue;
          const local = `${resource.mode === 'data' ? 'data.' : ''}${
            resource.type
          }.${resource.name}`;
          const entry: ConfigResource = {
            expressions: isPlainObject(resource.expressions)
              ? resource.expressions
              : {},
          };
          if (typeof resource.provider_config_key === 'string') {
            entry.providerConfigKey = resource.provider_config_key;
          }
          index.set(prefix ? `${prefix}.${local}` : local, entry);
        }
      }
      if (isPlainObject(module.module_calls)) {
        for (const [name, call] of Object.entries(module.module_calls)) {
          if (isPlainObject(call)) {
            visit(
              call.module,
              prefix ? `${prefix}.module.${name}` : `module.${name}`,
            );
          }
        }
      }
    };
    visit(this.configuration?.root_module, '');
    return index;
  }
}

/**
 * Follows a path into configuration expressions and returns the references
 * found there, e.g. `["aws_launch_template.web.id", "aws_launch_template.web"]`.
 * Nested blocks are lists in the JSON; index 0 is accepted for a single block.
 */
export function expressionReferences(
  expressions: Record<string, unknown>,
  path: ReadonlyArray<string | number>,
): string[] {
  let node: unknown = expressions;
  for (const step of path) {
    if (typeof step === 'number') {
      node = Array.isArray(node) ? node[step] : node;
    } else {
      node = isPlainObject(node) ? node[step] : undefined;
    }
  }
  if (!isPlainObject(node) || !Array.isArray(node.references)) return [];
  return node.references.filter(
    (reference): reference is string => typeof reference === 'string',
  );
}
