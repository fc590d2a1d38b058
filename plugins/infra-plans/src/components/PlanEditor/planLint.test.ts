import { parsePlan } from '@gatehouse/plugin-infra-plans-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { issuesToDiagnostics } from './planLint';

const yaml = readFileSync(
  resolve(
    __dirname,
    '../../../../../examples/plans/orchestrator-api/infra-plan.yaml',
  ),
  'utf8',
);

describe('issuesToDiagnostics', () => {
  it('marks the offending value in the editor, with the problem and the hint', () => {
    const text = yaml.replace('cidr: 10.10.1.0/24', 'cidr: 10.0.300.0/24');
    const { issues } = parsePlan(text);
    const diagnostics = issuesToDiagnostics(text, issues);
    const cidr = diagnostics.find(d => d.message.includes('10.0.300.0/24'))!;
    expect(cidr.severity).toBe('error');
    expect(text.slice(cidr.from, cidr.to)).toBe('10.0.300.0/24 }');
    expect(cidr.message).toContain('subnets.public[0].cidr');
  });

  it('keeps positions inside the document for issues past its end or without a line', () => {
    const text = 'a: 1\nb: 2';
    const diagnostics = issuesToDiagnostics(text, [
      {
        path: 'x',
        severity: 'warning',
        problem: 'p',
        hint: 'h',
        rule: 'r',
        line: 99,
        column: 50,
      },
      { path: 'y', severity: 'error', problem: 'p', hint: 'h', rule: 'r' },
    ]);
    expect(diagnostics[0]).toMatchObject({ from: 9, to: 9 });
    expect(diagnostics[1]).toMatchObject({ from: 0, to: 4 });
  });
});
