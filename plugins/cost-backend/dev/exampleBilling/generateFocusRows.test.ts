import { PassThrough, Readable } from 'node:stream';
import { aggregateFocusFile, type FocusFileAggregation } from '../../src/focus';
import {
  generateFocusRows,
  writeFocusCsv,
  type GenerateFocusRowsOptions,
  type WriteFocusCsvOptions,
} from './generateFocusRows';

async function generateBytes(
  options: GenerateFocusRowsOptions,
  csv: WriteFocusCsvOptions = {},
): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', chunk => chunks.push(chunk));
  await writeFocusCsv(generateFocusRows(options), sink, csv);
  return Buffer.concat(chunks);
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

describe('generateFocusRows', () => {
  const options: GenerateFocusRowsOptions = { seed: 7, days: 3 };

  it('is deterministic: the same seed gives the same bytes, plain and gzip', async () => {
    expect(
      (await generateBytes(options)).equals(await generateBytes(options)),
    ).toBe(true);
    const gz = { gzip: true };
    expect(
      (await generateBytes(options, gz)).equals(
        await generateBytes(options, gz),
      ),
    ).toBe(true);
    expect(
      (await generateBytes({ ...options, seed: 8 })).equals(
        await generateBytes(options),
      ),
    ).toBe(false);
  });

  describe('read back through the FOCUS reader', () => {
    let bytes: Buffer;
    let result: FocusFileAggregation;
    beforeAll(async () => {
      // Starts on the 1st so that the monthly credits are included.
      bytes = await generateBytes({
        seed: 1,
        startDate: '2025-03-01',
        days: 3,
      });
      result = await aggregateFocusFile(Readable.from([bytes]), {
        sourceFile: 'synthetic',
      });
    });

    it('passes with zero rejections and zero warnings', () => {
      expect(result.summary.rowsRead).toBeGreaterThan(5_000);
      expect(result.summary.rowsRejected).toBe(0);
      expect(Object.values(result.summary.warningCounts)).toEqual([0, 0, 0, 0]);
      expect(result.summary.header?.unknownColumns).toEqual([]);
      expect(result.summary.header?.detectedVersion).toBe('1.0');
    });

    it('covers every example service in every environment', () => {
      const seen = new Set(
        result.aggregates
          .filter(a => a.service)
          .map(a => `${a.service}/${a.team}/${a.environment}`),
      );
      const expected = [];
      for (const [service, team] of [
        ['orchestrator-api', 'team-agents'],
        ['task-runner', 'team-agents'],
        ['operator-console', 'team-experience'],
        ['knowledge-store', 'team-experience'],
      ]) {
        for (const environment of ['development', 'staging', 'production']) {
          expected.push(`${service}/${team}/${environment}`);
        }
      }
      expect([...seen].sort()).toEqual(expected.sort());
    });

    it('has database and cache costs only for knowledge-store', () => {
      const text = bytes.toString('utf8');
      expect(text).toContain('Amazon Relational Database Service');
      expect(text).toContain('Amazon ElastiCache');
      const databases = result.aggregates.filter(
        a => a.serviceCategory === 'Databases',
      );
      expect(new Set(databases.map(a => a.service))).toEqual(
        new Set(['knowledge-store']),
      );
      for (const line of [
        'Amazon Elastic Compute Cloud',
        'Elastic Load Balancing',
        'Amazon Simple Storage Service',
        'AWS Data Transfer',
        'NAT Gateway',
      ]) {
        expect(text).toContain(line);
      }
    });

    it('includes some unattributed spend and negative credits', () => {
      const usage = result.aggregates.filter(a => a.chargeCategory === 'Usage');
      const unattributed = sum(
        usage.filter(a => a.service === null).map(a => a.effectiveCost),
      );
      const total = sum(usage.map(a => a.effectiveCost));
      expect(unattributed / total).toBeGreaterThan(0.01);
      expect(unattributed / total).toBeLessThan(0.1);
      const credits = result.aggregates.filter(
        a => a.chargeCategory === 'Credit',
      );
      expect(credits.length).toBeGreaterThan(0);
      expect(credits.every(a => a.billedCost < 0 && a.service === null)).toBe(
        true,
      );
    });
  });

  describe('a month of example data', () => {
    // Summed straight from the generated rows: what is checked here is the
    // cost model, not the reader.
    const costs = new Map<string, number>();
    beforeAll(() => {
      for (const row of generateFocusRows({
        seed: 1,
        startDate: '2025-03-01',
        days: 31,
        anomaly: { service: 'task-runner', day: '2025-03-12', factor: 5 },
      })) {
        if (!row.Tags?.includes('"team"')) continue;
        const tags = JSON.parse(row.Tags);
        const service = tags.service ?? tags.app;
        const environment = tags.environment ?? tags.env;
        const day = row.ChargePeriodStart!.slice(0, 10);
        for (const key of [
          `${service}/${environment}`,
          `${service}/${environment}/${day}`,
        ]) {
          costs.set(key, (costs.get(key) ?? 0) + Number(row.EffectiveCost));
        }
      }
    });

    it('puts production services in the low thousands of USD per month, production largest', () => {
      for (const service of [
        'orchestrator-api',
        'task-runner',
        'operator-console',
        'knowledge-store',
      ]) {
        const production = costs.get(`${service}/production`)!;
        const staging = costs.get(`${service}/staging`)!;
        const development = costs.get(`${service}/development`)!;
        expect(production).toBeGreaterThan(800);
        expect(production).toBeLessThan(5000);
        expect(production).toBeGreaterThan(staging);
        expect(staging).toBeGreaterThan(development);
      }
    });

    it('spikes the configured anomaly day', () => {
      const daily = (day: string) =>
        costs.get(`task-runner/production/${day}`)!;
      expect(daily('2025-03-12')).toBeGreaterThan(3 * daily('2025-03-11'));
      expect(daily('2025-03-13')).toBeLessThan(1.5 * daily('2025-03-11'));
    });
  });

  it('spreads services over several providers when asked', async () => {
    const rows = [
      ...generateFocusRows({ days: 1, providers: ['AWS', 'Microsoft'] }),
    ];
    expect(new Set(rows.map(r => r.ProviderName))).toEqual(
      new Set(['AWS', 'Microsoft']),
    );
    const bytes = await generateBytes(
      { days: 1, providers: ['AWS', 'Microsoft'] },
      { gzip: true, nullText: 'NULL' },
    );
    const result = await aggregateFocusFile(Readable.from([bytes]), {
      sourceFile: 'mixed',
    });
    expect(result.summary.gzip).toBe(true);
    expect(result.summary.rowsRejected).toBe(0);
    expect(result.summary.rowsRead).toBe(rows.length);
  });

  it('stops at maxRows', () => {
    expect([...generateFocusRows({ days: 10, maxRows: 1234 })]).toHaveLength(
      1234,
    );
  });
});
