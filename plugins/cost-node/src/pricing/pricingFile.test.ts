import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidInputError } from '../errors';
import {
  defaultPriceBook,
  defaultPricingFilePath,
  loadPriceBook,
} from './loadPricing';
import { PriceBook } from './PriceBook';
import { parsePricingFile } from './pricingFile';

const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2'];

describe('shipped pricing file', () => {
  const book = defaultPriceBook();

  it('is dated, versioned and in USD', () => {
    expect(path.basename(defaultPricingFilePath())).toMatch(
      /^aws-\d{4}-\d{2}-\d{2}\.json$/,
    );
    expect(path.basename(defaultPricingFilePath())).toBe(
      `aws-${book.effectiveDate}.json`,
    );
    expect(book.currency).toBe('USD');
    expect(book.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(book.regions()).toEqual(REGIONS);
  });

  it('gives a source for every price', () => {
    for (const [region, pricing] of Object.entries(book.file.regions)) {
      for (const [key, entry] of Object.entries(pricing.prices)) {
        expect({ region, key, hasSource: entry.source.length > 20 }).toEqual({
          region,
          key,
          hasSource: true,
        });
      }
    }
  });

  it('covers the same keys in every region', () => {
    const keys = REGIONS.map(region => book.forRegion(region)!.keys().sort());
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).toEqual(keys[0]);
  });

  it.each([
    ...['t3', 't4g'].flatMap(family =>
      ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'].map(
        size => `ec2:instance:${family}.${size}`,
      ),
    ),
    ...['m5', 'm6i', 'm7i', 'c5', 'c6i', 'r5', 'r6g'].flatMap(family =>
      ['large', 'xlarge', '2xlarge'].map(
        size => `ec2:instance:${family}.${size}`,
      ),
    ),
    ...['postgres', 'mysql'].flatMap(engine =>
      [
        'db.t3.micro',
        'db.t4g.medium',
        'db.m5.large',
        'db.m6g.xlarge',
        'db.r5.large',
        'db.r6g.2xlarge',
      ].map(cls => `rds:${engine}:${cls}`),
    ),
    'elasticache:cache.t3.micro',
    'elasticache:cache.t4g.medium',
    'elasticache:cache.m6g.large',
    'elasticache:cache.r6g.xlarge',
    'eks:cluster',
    'ebs:gp2:storage',
    'ebs:gp3:storage',
    'ebs:gp3:iops',
    'ebs:gp3:throughput',
    'ebs:io1:iops',
    'ebs:io2:iops:tier1',
    'rds:storage:gp3',
    'rds:backup',
    'elb:application:lcu',
    'elb:network:nlcu',
    'vpc:nat:data',
    ...[
      'STANDARD',
      'STANDARD_IA',
      'ONEZONE_IA',
      'GLACIER_IR',
      'GLACIER',
      'DEEP_ARCHIVE',
    ].map(storageClass => `s3:${storageClass}:storage`),
    'transfer:internet-out',
  ])('has %s in every region', key => {
    for (const region of REGIONS) {
      expect({ region, price: book.price(region, key)?.price }).toEqual({
        region,
        price: expect.any(Number),
      });
    }
  });

  it('has CloudFront as global prices', () => {
    expect(book.global()?.get('cloudfront:data-out')?.price).toBe(0.085);
  });

  it('knows vCPUs and memory of the EC2 types it prices', () => {
    expect(book.instanceSpec('t3.medium')).toEqual({ vcpu: 2, memoryGiB: 4 });
    expect(book.instanceSpec('m6i.large')).toEqual({ vcpu: 2, memoryGiB: 8 });
    expect(book.instanceSpec('r6g.medium')).toEqual({ vcpu: 1, memoryGiB: 8 });
    const instanceTypes = book
      .forRegion('us-east-1')!
      .keys()
      .filter(key => key.startsWith('ec2:instance:'))
      .map(key => key.slice('ec2:instance:'.length));
    expect(instanceTypes.length).toBeGreaterThan(50);
    expect(instanceTypes.filter(type => !book.instanceSpec(type))).toEqual([]);
  });
});

describe('parsePricingFile', () => {
  const valid = {
    formatVersion: 1,
    provider: 'aws',
    version: 'test.1',
    effectiveDate: '2025-01-01',
    currency: 'USD',
    instanceSpecs: {},
    regions: {
      'us-east-1': {
        location: 'US East (N. Virginia)',
        prices: {
          'eks:cluster': {
            price: 0.1,
            unit: 'hour',
            source: 'EKS pricing page',
          },
        },
      },
    },
  };

  it('accepts a minimal file', () => {
    expect(
      PriceBook.fromData(valid).price('us-east-1', 'eks:cluster')?.price,
    ).toBe(0.1);
  });

  it('rejects a price without a source, naming the path', () => {
    const broken = structuredClone(valid) as any;
    delete broken.regions['us-east-1'].prices['eks:cluster'].source;
    expect(() => parsePricingFile(broken, 'mine.json')).toThrow(
      new InvalidInputError(
        'mine.json: regions["us-east-1"].prices["eks:cluster"].source must be a non-empty string (got nothing)',
      ),
    );
  });

  it.each([
    [{ formatVersion: 2 }, 'formatVersion must be 1 (got 2)'],
    [
      { effectiveDate: '1 May 2025' },
      'effectiveDate must be a date YYYY-MM-DD',
    ],
    [{ currency: 'usd' }, 'currency must be an ISO 4217 code'],
    [{ regions: [] }, 'regions must be an object (got an array)'],
  ])('rejects %j', (patch, message) => {
    expect(() => parsePricingFile({ ...valid, ...patch })).toThrow(message);
  });

  it('rejects negative prices', () => {
    const broken = structuredClone(valid) as any;
    broken.regions['us-east-1'].prices['eks:cluster'].price = -1;
    expect(() => parsePricingFile(broken)).toThrow(
      '.price must be a non-negative number (got -1)',
    );
  });

  it('loads a replacement file from disk', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pricing-'));
    const file = path.join(dir, 'prices.json');
    fs.writeFileSync(file, JSON.stringify(valid));
    expect(loadPriceBook(file).version).toBe('test.1');
    fs.writeFileSync(file, '{ not json');
    expect(() => loadPriceBook(file)).toThrow(
      `Pricing file ${file} is not valid JSON`,
    );
    fs.rmSync(dir, { recursive: true });
  });
});
