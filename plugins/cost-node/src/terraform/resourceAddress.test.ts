import { InvalidInputError } from '../errors';
import {
  configAddressOf,
  formatModuleAddress,
  parseResourceAddress,
} from './resourceAddress';

describe('parseResourceAddress', () => {
  it('parses root resources', () => {
    expect(parseResourceAddress('aws_instance.web')).toEqual({
      modules: [],
      mode: 'managed',
      type: 'aws_instance',
      name: 'web',
    });
  });

  it('parses count and for_each keys', () => {
    expect(parseResourceAddress('aws_instance.web[3]').index).toBe(3);
    expect(parseResourceAddress('aws_instance.web["blue"]').index).toBe('blue');
  });

  it('parses nested module instances and data sources', () => {
    expect(
      parseResourceAddress('module.a["x"].module.b[2].data.aws_ami.ubuntu'),
    ).toEqual({
      modules: [
        { name: 'a', key: 'x' },
        { name: 'b', key: 2 },
      ],
      mode: 'data',
      type: 'aws_ami',
      name: 'ubuntu',
    });
  });

  it('keeps dots, brackets and escaped quotes inside keys', () => {
    const parsed = parseResourceAddress(
      'module.m["a.b[0]"].aws_instance.x["say \\"hi\\"."]',
    );
    expect(parsed.modules).toEqual([{ name: 'm', key: 'a.b[0]' }]);
    expect(parsed.index).toBe('say "hi".');
  });

  it.each([
    'aws_instance',
    'aws_instance.x[abc]',
    'aws_instance.x["open',
    'module.a.aws_instance..x',
  ])('rejects %s', address => {
    expect(() => parseResourceAddress(address)).toThrow(InvalidInputError);
  });
});

describe('configAddressOf', () => {
  it('removes every instance key', () => {
    expect(
      configAddressOf('module.a["x"].module.b[0].aws_instance.web[1]'),
    ).toBe('module.a.module.b.aws_instance.web');
    expect(configAddressOf('aws_instance.web')).toBe('aws_instance.web');
    expect(configAddressOf('data.aws_ami.x["k"]')).toBe('data.aws_ami.x');
  });

  it('formats module addresses the way Terraform prints them', () => {
    expect(
      formatModuleAddress([
        { name: 'a', key: 'x' },
        { name: 'b', key: 0 },
        { name: 'c' },
      ]),
    ).toBe('module.a["x"].module.b[0].module.c');
  });
});
