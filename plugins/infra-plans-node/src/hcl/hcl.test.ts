import { checkTerraformFiles } from '../checks/terraform';
import { requireTool } from '../__testUtils__/repository';
import {
  attr,
  blank,
  block,
  call,
  comment,
  identifier,
  object,
  quote,
  ref,
  renderHclBody,
  renderHclFile,
  template,
} from './hcl';

const sample = renderHclFile(
  [
    block(
      'resource',
      ['aws_vpc', 'this'],
      attr('cidr_block', '10.0.0.0/16'),
      attr('enable_dns_hostnames', true),
      attr('tags', object({ Name: 'vpc', 'kubernetes.io/role/elb': '1' })),
      attr('count', 2),
      attr(
        'redrive_policy',
        call(
          'jsonencode',
          object({
            deadLetterTargetArn: ref('aws_sqs_queue.dlq.arn'),
            maxReceiveCount: 5,
          }),
        ),
      ),
      attr('subnet_ids', [ref('aws_subnet.a.id'), ref('aws_subnet.b.id')]),
      attr('labels', object({})),
      blank(),
      comment('a comment\nover two lines'),
      attr('name', template('${var.service}-vpc')),
      block('lifecycle', [], attr('prevent_destroy', true)),
      block('default_action', [], block('allow', [])),
      attr('after_block', 'x'),
      attr('skipped', undefined),
      false,
    ),
  ],
  { header: 'Generated' },
);

describe('the HCL writer', () => {
  it('aligns = within runs of single-line attributes and breaks runs where terraform fmt does', () => {
    expect(sample).toBe(`# Generated

resource "aws_vpc" "this" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
  tags = {
    Name                     = "vpc"
    "kubernetes.io/role/elb" = "1"
  }
  count = 2
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
  subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
  labels     = {}

  # a comment
  # over two lines
  name = "\${var.service}-vpc"
  lifecycle {
    prevent_destroy = true
  }
  default_action {
    allow {}
  }
  after_block = "x"
}
`);
  });

  it('escapes string literals so interpolation markers stay literal', () => {
    expect(quote('a "b" \\ ${c} %{d}\n')).toBe(
      '"a \\"b\\" \\\\ $${c} %%{d}\\n"',
    );
  });

  it('makes Terraform names from plan names', () => {
    expect(identifier('api-cache')).toBe('api-cache');
    expect(identifier('my.sg')).toBe('my_sg');
    expect(identifier('1st')).toBe('_1st');
  });

  it('renders a bare body for tfvars', () => {
    expect(
      renderHclBody([
        attr('region', 'us-east-1'),
        attr('tags', object({ A: 'b' })),
      ]),
    ).toBe('region = "us-east-1"\ntags = {\n  A = "b"\n}\n');
  });

  it('writes what terraform fmt writes (hclwrite, and terraform itself)', async () => {
    requireTool('terraform');
    const files = [
      { path: 'sample.tf', content: sample },
      {
        path: 'values.tfvars',
        content: renderHclBody([attr('region', 'x'), attr('a_longer_name', 1)]),
      },
    ];
    const result = await checkTerraformFiles(files);
    // The sample's arguments are made up, so the provider schema check
    // rejects them; only the text is under test here.
    expect(
      result.issues.filter(i => !i.message.startsWith('aws_vpc.this: ')),
    ).toEqual([]);
    expect(result.checkedWith.join(' | ')).toMatch(
      /hcl2json.* \| .*hcl-tools.* \| AWS provider schema.* \| terraform fmt/,
    );
  });

  it('rejects numbers HCL cannot hold', () => {
    expect(() =>
      renderHclFile([block('x', [], attr('n', Number.NaN))]),
    ).toThrow(/Cannot write NaN/);
  });
});
