import type { PlanResourceChange } from './parseTerraformPlan';
import { PlanConfiguration, expressionReferences } from './planConfiguration';
import { formatKey } from './resourceAddress';

/**
 * Look-ups across the resources of one plan, for pricers that depend on
 * another resource (an autoscaling group's launch template, a read replica's
 * source database). Every index is a Map, built on first use, so no pricer
 * scans the plan.
 */
export class PlanIndex {
  private readonly byAddress = new Map<string, PlanResourceChange>();
  private readonly byAttribute = new Map<
    string,
    Map<string, PlanResourceChange>
  >();
  private byType?: Map<string, PlanResourceChange[]>;

  constructor(
    private readonly changes: readonly PlanResourceChange[],
    readonly configuration: PlanConfiguration,
  ) {
    for (const change of changes) this.byAddress.set(change.address, change);
  }

  find(address: string): PlanResourceChange | undefined {
    return this.byAddress.get(address);
  }

  /**
   * Finds a resource of `type` whose `attribute` (before or after the change)
   * equals `value`, e.g. the launch template whose `name` is "web".
   */
  findByAttribute(
    type: string,
    attribute: string,
    value: string,
  ): PlanResourceChange | undefined {
    const key = `${type}\u0000${attribute}`;
    let index = this.byAttribute.get(key);
    if (!index) {
      index = new Map();
      for (const change of this.ofType(type)) {
        for (const values of [change.after, change.before]) {
          const attributeValue = values?.[attribute];
          if (
            typeof attributeValue === 'string' &&
            !index.has(attributeValue)
          ) {
            index.set(attributeValue, change);
          }
        }
      }
      this.byAttribute.set(key, index);
    }
    return index.get(value);
  }

  private ofType(type: string): PlanResourceChange[] {
    if (!this.byType) {
      this.byType = new Map();
      for (const change of this.changes) {
        let list = this.byType.get(change.type);
        if (!list) {
          list = [];
          this.byType.set(change.type, list);
        }
        list.push(change);
      }
    }
    return this.byType.get(type) ?? [];
  }

  /**
   * Follows a configuration reference from `from` to a resource of
   * `targetType` in the same module instance, e.g. the expression
   * `launch_template { id = aws_launch_template.web.id }`.
   * When the target uses count/for_each, the instance with the same key as
   * `from` is preferred, then the only instance.
   */
  resolveReference(
    from: PlanResourceChange,
    expressionPath: ReadonlyArray<string | number>,
    targetType: string,
  ): PlanResourceChange | undefined {
    const config = this.configuration.resourceFor(from.address);
    if (!config) return undefined;
    const prefix = from.moduleAddress ? `${from.moduleAddress}.` : '';
    for (const reference of expressionReferences(
      config.expressions,
      expressionPath,
    )) {
      if (!reference.startsWith(`${targetType}.`)) continue;
      // "aws_launch_template.web[0].id" → name "web", explicit key [0].
      const match = /^[^.]+\.([^.[]+)(\[[^\]]+\])?/.exec(reference);
      if (!match) continue;
      const base = `${prefix}${targetType}.${match[1]}`;
      const candidates = [
        match[2] ? `${base}${match[2]}` : base,
        from.index !== undefined
          ? `${base}${formatKey(from.index)}`
          : undefined,
        `${base}[0]`,
      ];
      for (const candidate of candidates) {
        const found = candidate ? this.byAddress.get(candidate) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  }
}
