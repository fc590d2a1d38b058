import fs from 'node:fs/promises';
import path from 'node:path';
import { runEstimateCli } from './runEstimateCli';

const FIXTURES = path.join(__dirname, '..', '__fixtures__');

function io(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      readFile: async (file: string) =>
        files[file] ?? fs.readFile(file, 'utf8'),
      stdout: (text: string) => out.push(text),
      stderr: (text: string) => err.push(text),
    },
  };
}

describe('runEstimateCli', () => {
  const plan = path.join(FIXTURES, 'plan-small.json');

  it('prints a table by default', async () => {
    const run = io();
    expect(await runEstimateCli([plan], run.io)).toBe(0);
    expect(run.out.join('')).toContain(
      'Total                             8.00  69.32  +61.32',
    );
  });

  it('prints JSON with usage from a YAML file', async () => {
    const run = io({
      'usage.yml': 'aws_nat_gateway.main:\n  monthly_data_processed_gb: 0\n',
    });
    expect(
      await runEstimateCli(
        [plan, '--usage', 'usage.yml', '--format=json'],
        run.io,
      ),
    ).toBe(0);
    const estimate = JSON.parse(run.out.join(''));
    expect(estimate.totals.monthlyAfter).toBe(64.818);
    expect(estimate.totals.range).toEqual({ low: 64.818, high: 64.818 });
  });

  it('applies --region', async () => {
    const run = io();
    expect(
      await runEstimateCli(
        [plan, '--region', 'eu-west-1', '--format', 'json'],
        run.io,
      ),
    ).toBe(0);
    expect(JSON.parse(run.out.join('')).region).toBe('eu-west-1');
  });

  it('reports invalid input with exit code 1', async () => {
    const run = io({
      'bad.json':
        '{"format_version":"1.2","resource_changes":[{"address":"x.y","change":{"actions":{}}}]}',
    });
    expect(await runEstimateCli(['bad.json'], run.io)).toBe(1);
    expect(run.err.join('')).toBe(
      'Invalid Terraform plan: resource_changes[0].change.actions must be an array (got an object)\n',
    );
  });

  it('reports a missing file with exit code 1', async () => {
    const run = io();
    expect(await runEstimateCli(['/nonexistent/plan.json'], run.io)).toBe(1);
    expect(run.err.join('')).toContain('ENOENT');
  });

  it('rejects bad arguments with exit code 2', async () => {
    for (const argv of [
      [],
      [plan, '--format', 'xml'],
      [plan, '--nope'],
      [plan, '--usage'],
    ]) {
      const run = io();
      expect(await runEstimateCli(argv, run.io)).toBe(2);
      expect(run.err.join('')).toContain('Usage: gatehouse cost estimate');
    }
  });
});
