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

  describe('with an infrastructure plan', () => {
    const infraPlan = path.join(
      __dirname,
      '../../../../examples/plans/task-runner/infra-plan.yaml',
    );

    it('tells it from a Terraform plan and estimates one environment', async () => {
      const run = io();
      expect(
        await runEstimateCli(
          [infraPlan, '--environment', 'development', '--format', 'json'],
          run.io,
        ),
      ).toBe(0);
      const estimate = JSON.parse(run.out.join(''));
      expect(estimate.infraPlan.environments).toEqual([
        expect.objectContaining({ name: 'development', budgetMonthly: 300 }),
      ]);
      // EKS 73 + NAT 41 + 2 × t3.small (15.184 + 2 of disk) + bucket 2.39.
      expect(estimate.totals.monthlyAfter).toBe(150.758);
      // Built but usage-billed with no volume in the plan: listed, not priced.
      expect(
        estimate.unpriced.map((u: { address: string }) => u.address),
      ).toEqual([
        'module.development.aws_cloudwatch_log_group.cluster',
        'module.development.aws_sqs_queue.dead_letter["task-queue"]',
        'module.development.aws_sqs_queue.queue["task-queue"]',
      ]);
    });

    it('prints environments and workload shares in the table', async () => {
      const run = io();
      expect(
        await runEstimateCli([infraPlan, '--environment=staging'], run.io),
      ).toBe(0);
      const text = run.out.join('');
      expect(text).toContain('Environments of task-runner:');
      expect(text).toMatch(
        / {2}staging \(staging, us-east-1, added\): 0\.00 -> /,
      );
      expect(text).toContain('staging/batch, 1 x c6i.large = 62.05');
      expect(text).toContain('runner: 2 (1-8) x 15.51 = 31.03 (cpu)');
    });

    it('compares with --prior', async () => {
      const original = await fs.readFile(infraPlan, 'utf8');
      const run = io({
        'prior.yaml': original,
        'proposed.yaml': original.replace(
          '            desiredSize: 2\n            maxSize: 3',
          '            desiredSize: 3\n            maxSize: 3',
        ),
      });
      expect(
        await runEstimateCli(
          [
            'proposed.yaml',
            '--prior',
            'prior.yaml',
            '--environment',
            'development',
            '--format',
            'json',
          ],
          run.io,
        ),
      ).toBe(0);
      const estimate = JSON.parse(run.out.join(''));
      // One more t3.small node with its 20 GB root volume.
      expect(estimate.totals.delta).toBe(17.184);
      expect(estimate.infraPlan.environments[0].change).toBe('changed');
    });

    it('reports an invalid plan with the line of each problem', async () => {
      const run = io({
        'bad.yaml':
          'apiVersion: gatehouse.io/v1alpha1\nkind: InfrastructurePlan\nmetadata: {service: x, owner: y}\nspec: {provider: gcp}\n',
      });
      expect(await runEstimateCli(['bad.yaml'], run.io)).toBe(1);
      expect(run.err.join('')).toMatch(
        /^Invalid infrastructure plan: \d+ errors?: 4:\d+ spec\.provider: /,
      );
    });

    it('refuses flags of the other kind of plan', async () => {
      const run = io();
      expect(
        await runEstimateCli([infraPlan, '--region', 'eu-west-1'], run.io),
      ).toBe(1);
      expect(run.err.join('')).toContain('--region applies to Terraform plans');
      const terraform = io();
      expect(
        await runEstimateCli(
          [plan, '--environment', 'production'],
          terraform.io,
        ),
      ).toBe(1);
      expect(terraform.err.join('')).toContain(
        '--environment applies to infrastructure plans',
      );
    });
  });
});
