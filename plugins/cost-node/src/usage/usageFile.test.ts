import { planOf } from '../__fixtures__/planBuilder';
import { InvalidInputError } from '../errors';
import { estimateTerraformPlan } from '../terraform/estimateTerraformPlan';
import { UsageLookup, parseUsage, parseUsageFile } from './usageFile';

describe('usage files', () => {
  it('parses YAML', () => {
    expect(
      parseUsageFile(`
aws_nat_gateway.main:
  monthly_data_processed_gb: 500
'aws_instance.web[*]':
  monthly_outbound_internet_gb: 20
`),
    ).toEqual({
      'aws_nat_gateway.main': { monthly_data_processed_gb: 500 },
      'aws_instance.web[*]': { monthly_outbound_internet_gb: 20 },
    });
  });

  it('parses JSON and the Infracost layout', () => {
    expect(parseUsageFile('{ "aws_lb.x": { "average_lcus": 3 } }')).toEqual({
      'aws_lb.x': { average_lcus: 3 },
    });
    expect(
      parseUsageFile(
        'version: 0.1\nresource_usage:\n  aws_lb.x:\n    average_lcus: 3\n',
      ),
    ).toEqual({ 'aws_lb.x': { average_lcus: 3 } });
    expect(parseUsageFile('')).toEqual({});
  });

  it.each([
    [
      '- a\n- b',
      'usage file: must be an object keyed by resource address (got an array)',
    ],
    [
      'aws_lb.x: 3',
      'usage file: aws_lb.x must be an object of usage values (got 3)',
    ],
    [
      'aws_lb.x:\n  average_lcus: lots',
      'usage file: aws_lb.x.average_lcus must be a non-negative number (got "lots")',
    ],
    [
      'aws_lb.x:\n  average_lcus: -1',
      'usage file: aws_lb.x.average_lcus must be a non-negative number (got -1)',
    ],
    ['a: [1, 2', 'usage file: not valid YAML or JSON'],
  ])('rejects %j', (text, message) => {
    expect(() => parseUsageFile(text)).toThrow(InvalidInputError);
    expect(() => parseUsageFile(text)).toThrow(message);
  });

  it('matches exact addresses, [*] wildcards and keyless addresses', () => {
    const lookup = new UsageLookup(
      parseUsage({
        'aws_instance.web["a"]': { n: 1 },
        'aws_instance.web[*]': { n: 2 },
        'module.net.aws_nat_gateway.this': { n: 3 },
        'aws_lb.unused': { n: 4 },
      }),
    );
    expect(lookup.forAddress('aws_instance.web["a"]')).toEqual({ n: 1 });
    expect(lookup.forAddress('aws_instance.web["b"]')).toEqual({ n: 2 });
    expect(
      lookup.forAddress('module.net["eu"].aws_nat_gateway.this[0]'),
    ).toEqual({ n: 3 });
    expect(lookup.forAddress('aws_instance.other')).toBeUndefined();
    expect(lookup.unusedAddresses()).toEqual(['aws_lb.unused']);
  });

  it('overrides defaults and warns about entries that match nothing', () => {
    const plan = planOf([
      { address: 'aws_nat_gateway.a[0]', index: 0, after: {} },
      { address: 'aws_nat_gateway.a[1]', index: 1, after: {} },
    ]);
    const estimate = estimateTerraformPlan(plan, {
      usage: parseUsageFile(`
aws_nat_gateway.a[0]:
  monthly_data_processed_gb: 1000
aws_nat_gateway.a[*]:
  monthly_data_processed_gb: 0
aws_nat_gateway.typo:
  monthly_data_processed_gb: 1
`),
    });
    expect(estimate.resources.map(resource => resource.after.monthly)).toEqual([
      77.85, 32.85,
    ]);
    expect(estimate.totals.range).toEqual({ low: 110.7, high: 110.7 });
    expect(estimate.warnings).toEqual([
      'usage file entry "aws_nat_gateway.typo" matches no resource in the plan',
    ]);
  });
});
