import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../scripts/import-aws-price-list';
import { loadPriceBook } from '../pricing/loadPricing';
import { PricingFile } from '../pricing/pricingFile';
import { convertAwsPriceList } from './awsPriceList';
import ec2Offer from './__fixtures__/AmazonEC2-offer.json';
import rdsOffer from './__fixtures__/AmazonRDS-offer.json';
import elastiCacheOffer from './__fixtures__/AmazonElastiCache-offer.json';

const FIXTURES = path.join(__dirname, '__fixtures__');

const base: PricingFile = {
  formatVersion: 1,
  provider: 'aws',
  version: 'base.1',
  effectiveDate: '2025-01-01',
  currency: 'USD',
  instanceSpecs: {},
  regions: {
    'us-east-1': {
      location: 'US East (N. Virginia)',
      prices: {
        'eks:cluster': { price: 0.1, unit: 'hour', source: 'EKS pricing page' },
        'ec2:instance:t3.medium': {
          price: 0.05,
          unit: 'hour',
          source: 'stale',
        },
      },
    },
  },
};

describe('convertAwsPriceList', () => {
  const { pricing, imported, warnings } = convertAwsPriceList(
    [ec2Offer, rdsOffer, elastiCacheOffer],
    {
      effectiveDate: '2025-06-01',
      version: '2025-06-01.2',
      base,
    },
  );

  it('keeps only Linux, Shared tenancy, no pre-installed software, capacitystatus Used', () => {
    expect(
      pricing.regions['us-east-1'].prices['ec2:instance:t3.medium'],
    ).toEqual({
      price: 0.0416,
      unit: 'hour',
      source:
        'AWS Price List AmazonEC2 2025-06-01T00:00:00Z, SKU T3MEDIUMUSE1: $0.0416 per On Demand Linux t3.medium Instance Hour',
      publicationDate: '2025-06-01T00:00:00Z',
    });
  });

  it('maps location names to regions and skips unknown locations', () => {
    expect(
      pricing.regions['eu-west-1'].prices['ec2:instance:m7i.large'].price,
    ).toBe(0.1124);
    expect(pricing.regions['eu-west-1'].location).toBe('EU (Ireland)');
    expect(
      pricing.regions['ap-south-1'].prices['ec2:instance:m5.large'].price,
    ).toBe(0.101);
    expect(Object.keys(pricing.regions).sort()).toEqual([
      'ap-south-1',
      'eu-west-1',
      'us-east-1',
    ]);
  });

  it('imports EBS storage, RDS Single-AZ PostgreSQL and ElastiCache Redis', () => {
    const prices = pricing.regions['us-east-1'].prices;
    expect(prices['ebs:gp3:storage']).toMatchObject({
      price: 0.08,
      unit: 'GB-month',
    });
    expect(prices['rds:postgres:db.t3.micro']).toMatchObject({
      price: 0.018,
      unit: 'hour',
    });
    expect(prices['elasticache:cache.t3.micro']).toMatchObject({
      price: 0.017,
      unit: 'hour',
    });
    expect(Object.keys(prices).sort()).toEqual([
      'ebs:gp3:storage',
      'ec2:instance:t3.medium',
      'eks:cluster',
      'elasticache:cache.t3.micro',
      'rds:postgres:db.t3.micro',
    ]);
  });

  it('keeps base prices the offers do not cover and records instance specs', () => {
    expect(pricing.regions['us-east-1'].prices['eks:cluster'].source).toBe(
      'EKS pricing page',
    );
    expect(pricing.instanceSpecs).toEqual({
      'm5.large': { vcpu: 2, memoryGiB: 8 },
      'm7i.large': { vcpu: 2, memoryGiB: 8 },
      't3.medium': { vcpu: 2, memoryGiB: 4 },
    });
    expect(pricing).toMatchObject({
      version: '2025-06-01.2',
      effectiveDate: '2025-06-01',
      currency: 'USD',
    });
  });

  it('counts imports and warns about SKUs without a price', () => {
    expect(imported).toBe(6);
    expect(warnings).toEqual([
      'offer file #1: SKU NOPRICE (ec2:instance:c5.large, us-east-1) has no on-demand price',
    ]);
  });

  it('can limit the regions', () => {
    const limited = convertAwsPriceList([ec2Offer], {
      effectiveDate: '2025-06-01',
      version: 'v',
      regions: ['eu-west-1'],
    });
    expect(Object.keys(limited.pricing.regions)).toEqual(['eu-west-1']);
  });

  it('rejects files that are not offer files', () => {
    expect(() =>
      convertAwsPriceList([{ products: [] }], {
        effectiveDate: '2025-06-01',
        version: 'v',
      }),
    ).toThrow('offer file #1: products must be an object (got an array)');
    expect(() =>
      convertAwsPriceList([{ products: {} }], {
        effectiveDate: '2025-06-01',
        version: 'v',
      }),
    ).toThrow('offer file #1: terms.OnDemand must be an object');
  });
});

describe('scripts/import-aws-price-list.ts', () => {
  it('writes a pricing file the estimator can load', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'));
    const basePath = path.join(dir, 'base.json');
    const out = path.join(dir, 'aws-2025-06-01.json');
    fs.writeFileSync(basePath, JSON.stringify(base));
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = main(
      [
        '--effective-date',
        '2025-06-01',
        '--base',
        basePath,
        '--out',
        out,
        path.join(FIXTURES, 'AmazonEC2-offer.json'),
        path.join(FIXTURES, 'AmazonRDS-offer.json'),
      ],
      { stdout: text => stdout.push(text), stderr: text => stderr.push(text) },
    );
    expect(code).toBe(0);
    expect(stdout).toEqual([`Imported 5 prices into ${out}\n`]);
    expect(stderr).toHaveLength(1);
    const book = loadPriceBook(out);
    expect(book.version).toBe('2025-06-01.1');
    expect(book.price('us-east-1', 'ec2:instance:t3.medium')?.price).toBe(
      0.0416,
    );
    expect(book.price('us-east-1', 'eks:cluster')?.price).toBe(0.1);
    fs.rmSync(dir, { recursive: true });
  });

  it('prints usage for missing arguments', () => {
    const stderr: string[] = [];
    expect(
      main(['--out', 'x.json'], {
        stdout: () => {},
        stderr: text => stderr.push(text),
      }),
    ).toBe(2);
    expect(stderr[0]).toMatch(/^Usage: import-aws-price-list.ts/);
  });
});
