import { InvalidInputError } from '../errors';
import { resourceChange } from '../__fixtures__/planBuilder';
import { parseTerraformPlan } from './parseTerraformPlan';

function planWith(changes: unknown[]) {
  return { format_version: '1.2', resource_changes: changes };
}

describe('parseTerraformPlan', () => {
  it('normalises actions, modules and indexes', () => {
    const plan = parseTerraformPlan(
      planWith([
        resourceChange({
          address: 'aws_instance.a',
          actions: ['delete', 'create'],
          before: {},
          after: {},
        }),
        resourceChange({
          address: 'aws_instance.b',
          actions: ['create', 'delete'],
          before: {},
          after: {},
        }),
        {
          // Structured fields missing: taken from the address.
          address: 'module.net["eu"].aws_nat_gateway.this[0]',
          change: { actions: ['no-op'], before: {}, after: {} },
        },
      ]),
    );
    expect(plan.resourceChanges.map(change => change.action)).toEqual([
      'replace',
      'replace',
      'no-op',
    ]);
    expect(plan.resourceChanges[2]).toMatchObject({
      type: 'aws_nat_gateway',
      name: 'this',
      moduleAddress: 'module.net["eu"]',
      index: 0,
      mode: 'managed',
    });
  });

  it('accepts the plan as JSON text', () => {
    expect(
      parseTerraformPlan(JSON.stringify(planWith([]))).resourceChanges,
    ).toEqual([]);
  });

  it('treats a plan without resource_changes as empty', () => {
    expect(
      parseTerraformPlan({ format_version: '1.0' }).resourceChanges,
    ).toEqual([]);
  });

  it.each([
    ['not json {', 'Invalid Terraform plan: not valid JSON'],
    [[], 'Invalid Terraform plan: (root) must be an object (got an array)'],
    [
      { resource_changes: [] },
      'format_version must be a string such as "1.2" (got nothing)',
    ],
    [
      { format_version: '2.0' },
      'format_version "2.0" is not supported (expected 0.x or 1.x)',
    ],
    [
      { format_version: '1.2', resource_changes: {} },
      'resource_changes must be an array (got an object)',
    ],
    [planWith([42]), 'resource_changes[0] must be an object (got 42)'],
    [
      planWith([{ change: {} }]),
      'resource_changes[0].address must be a non-empty string (got nothing)',
    ],
    [
      planWith([{ address: 'aws_instance.a' }]),
      'resource_changes[0].change must be an object (got nothing)',
    ],
    [
      planWith(
        [
          {},
          {},
          {},
          { address: 'aws_instance.a', change: { actions: 'create' } },
        ].map((c, i) =>
          i < 3
            ? resourceChange({ address: `aws_instance.ok${i}`, after: {} })
            : c,
        ),
      ),
      'resource_changes[3].change.actions must be an array (got "create")',
    ],
    [
      planWith([{ address: 'aws_instance.a', change: { actions: [1] } }]),
      'resource_changes[0].change.actions[0] must be a string (got 1)',
    ],
    [
      planWith([
        {
          address: 'aws_instance.a',
          change: { actions: ['create', 'update'] },
        },
      ]),
      'resource_changes[0].change.actions has an unsupported combination ["create","update"]',
    ],
    [
      planWith([
        {
          address: 'aws_instance.a',
          mode: 'weird',
          change: { actions: ['create'] },
        },
      ]),
      'resource_changes[0].mode must be "managed" or "data" (got "weird")',
    ],
    [
      planWith([
        {
          address: 'aws_instance.a',
          change: { actions: ['create'], after: 'x' },
        },
      ]),
      'resource_changes[0].change.after must be an object or null (got "x")',
    ],
    [
      planWith([
        {
          address: 'aws_instance.a',
          index: {},
          change: { actions: ['create'] },
        },
      ]),
      'resource_changes[0].index must be a number or a string (got an object)',
    ],
  ])('rejects %j with a message naming the problem', (input, message) => {
    expect(() => parseTerraformPlan(input)).toThrow(InvalidInputError);
    expect(() => parseTerraformPlan(input)).toThrow(message);
  });
});
