import type { CostComponent } from '@gatehouse/plugin-cost-common';
import { planOf } from '../__fixtures__/planBuilder';
import { convertAwsPriceList } from '../import/awsPriceList';
import rdsOffer from '../import/__fixtures__/AmazonRDS-offer.json';
import { estimateKubernetesWorkloads } from '../kubernetes/estimateKubernetesWorkloads';
import { syntheticPlan } from '../synthetic/syntheticPlan';
import { estimateTerraformPlan } from '../terraform/estimateTerraformPlan';
import { defaultPriceBook } from './loadPricing';
import { PriceBook } from './PriceBook';
import { isApproximate, priceProvenance } from './priceProvenance';
import { parsePricingFile } from './pricingFile';

const SHIPPED_NOTE =
  'approximate: recalled from the public price page, not checked against the price list; refresh with scripts/import-aws-price-list.ts';

function postgres(instanceClass: string) {
  return {
    engine: 'postgres',
    instance_class: instanceClass,
    allocated_storage: 20,
    storage_type: 'gp2',
    multi_az: false,
    backup_retention_period: 0,
  };
}

function provenanceByName(components: CostComponent[]) {
  return Object.fromEntries(
    components.map(component => [component.name, component.priceProvenance]),
  );
}

describe('priceProvenance', () => {
  it('calls an entry approximate when its note says so, whatever else it has', () => {
    expect(
      priceProvenance(
        {
          price: 1,
          unit: 'hour',
          source: 'page',
          note: 'Approximate: guessed',
          publicationDate: '2025-06-01',
        },
        '2025-06-01',
      ),
    ).toEqual({
      kind: 'approximate',
      source: 'page',
      reason: 'Approximate: guessed',
    });
  });

  it('calls an entry with a publication date a price-list price', () => {
    expect(
      priceProvenance(
        {
          price: 1,
          unit: 'hour',
          source: 'AWS Price List AmazonRDS …',
          publicationDate: '2025-05-20T00:00:00Z',
        },
        '2025-06-01',
      ),
    ).toEqual({
      kind: 'price-list',
      source: 'AWS Price List AmazonRDS …',
      publicationDate: '2025-05-20T00:00:00Z',
    });
  });

  it('calls any other entry cited, as of the pricing file’s effective date', () => {
    const entry = {
      price: 1,
      unit: 'hour',
      source: 'EKS pricing page',
      note: 'includes the control plane only',
    };
    expect(isApproximate(entry)).toBe(false);
    expect(priceProvenance(entry, '2025-06-01')).toEqual({
      kind: 'cited',
      source: 'EKS pricing page',
      asOf: '2025-06-01',
    });
  });

  it('rejects a pricing file whose publication date is not a date', () => {
    const file = (publicationDate: unknown) => ({
      formatVersion: 1,
      provider: 'aws',
      version: 'v',
      effectiveDate: '2025-06-01',
      currency: 'USD',
      regions: {
        'us-east-1': {
          location: 'US East (N. Virginia)',
          prices: {
            k: { price: 1, unit: 'hour', source: 's', publicationDate },
          },
        },
      },
    });
    expect(
      parsePricingFile(file('2025-06-01T00:00:00Z')).regions['us-east-1'].prices
        .k.publicationDate,
    ).toBe('2025-06-01T00:00:00Z');
    expect(() => parsePricingFile(file('June 2025'), 'f.json')).toThrow(
      'f.json: regions["us-east-1"].prices["k"].publicationDate must be a date YYYY-MM-DD or an ISO timestamp (got "June 2025")',
    );
  });
});

describe('price provenance in estimates', () => {
  it('marks the presets’ approximate RDS classes approximate and counts them', () => {
    const estimate = estimateTerraformPlan(
      planOf([
        {
          address: 'aws_db_instance.staging',
          after: postgres('db.t4g.medium'),
        },
        {
          address: 'aws_db_instance.production',
          after: postgres('db.r6g.large'),
        },
        { address: 'aws_db_instance.legacy', after: postgres('db.t3.micro') },
      ]),
    );
    const [staging, production, legacy] = estimate.resources;
    expect(provenanceByName(staging.after.components)).toEqual({
      'Database instance (PostgreSQL, db.t4g.medium, Single-AZ)': {
        kind: 'approximate',
        source: expect.stringContaining('db.t4g.medium'),
        reason: SHIPPED_NOTE,
      },
      'Storage (gp2, Single-AZ)': {
        kind: 'cited',
        source: expect.stringContaining('Amazon RDS pricing page'),
        asOf: '2025-06-01',
      },
    });
    expect(production.after.components[0].priceProvenance?.kind).toBe(
      'approximate',
    );
    expect(legacy.after.components[0].priceProvenance?.kind).toBe('cited');
    expect(estimate.resources.map(r => r.approximateComponents)).toEqual([
      1, 1, 0,
    ]);
    expect(estimate.totals).toMatchObject({
      pricedComponents: 6,
      approximateComponents: 2,
    });
    // The old field stays for readers that only know it.
    expect(staging.after.components[0].priceSource).toBe(
      'Amazon RDS for PostgreSQL On-Demand pricing page, Single-AZ, US East (N. Virginia): USD 0.065 per RDS db.t4g.medium Single-AZ instance hour (or partial hour) running PostgreSQL',
    );
  });

  it('counts a component shared by both sides of a change once', () => {
    const estimate = estimateTerraformPlan(
      planOf([
        {
          address: 'aws_db_instance.main',
          actions: ['update'],
          before: postgres('db.t4g.medium'),
          after: { ...postgres('db.t4g.medium'), allocated_storage: 50 },
        },
        {
          address: 'aws_db_instance.resized',
          actions: ['update'],
          before: postgres('db.t4g.medium'),
          after: postgres('db.r6g.large'),
        },
      ]),
    );
    // main: instance (same on both sides) + storage (same price) = 2;
    // resized: two instance classes + one storage line = 3.
    expect(estimate.resources.map(r => r.approximateComponents)).toEqual([
      1, 2,
    ]);
    expect(estimate.totals).toMatchObject({
      pricedComponents: 5,
      approximateComponents: 3,
    });
  });

  it.each(['us-east-1', 'eu-west-1'])(
    'marks a component approximate exactly when its price entry is (%s)',
    region => {
      const book = defaultPriceBook();
      const estimate = estimateTerraformPlan(syntheticPlan(400), { region });
      let approximate = 0;
      let checked = 0;
      for (const resource of estimate.resources) {
        for (const component of [
          ...resource.before.components,
          ...resource.after.components,
        ]) {
          const entry =
            book.price(region, component.priceKey) ??
            book.global()!.get(component.priceKey)!;
          expect({
            key: component.priceKey,
            kind: component.priceProvenance?.kind,
          }).toEqual({
            key: component.priceKey,
            kind: isApproximate(entry) ? 'approximate' : 'cited',
          });
          checked++;
          if (isApproximate(entry)) approximate++;
        }
      }
      // The synthetic plan prices approximate RDS classes in both regions.
      expect(checked).toBeGreaterThan(100);
      expect(approximate).toBeGreaterThan(0);
      expect(estimate.totals.approximateComponents).toBeGreaterThan(0);
    },
  );

  it('gives a price imported from a price-list file its publication date', () => {
    const shipped = defaultPriceBook().file;
    const { pricing } = convertAwsPriceList([rdsOffer], {
      effectiveDate: '2025-06-02',
      version: '2025-06-02.1',
      base: shipped,
      regions: ['us-east-1'],
    });
    const estimate = estimateTerraformPlan(
      planOf([
        { address: 'aws_db_instance.db', after: postgres('db.t3.micro') },
      ]),
      { priceBook: new PriceBook(pricing) },
    );
    expect(provenanceByName(estimate.resources[0].after.components)).toEqual({
      'Database instance (PostgreSQL, db.t3.micro, Single-AZ)': {
        kind: 'price-list',
        source: expect.stringMatching(
          /^AWS Price List AmazonRDS 2025-06-01T00:00:00Z, SKU PGT3MICRO: /,
        ),
        publicationDate: '2025-06-01T00:00:00Z',
      },
      // Not in the offer file: kept from the shipped file, as cited.
      'Storage (gp2, Single-AZ)': {
        kind: 'cited',
        source: expect.stringContaining('Amazon RDS pricing page'),
        asOf: '2025-06-02',
      },
    });
  });

  it('gives a Kubernetes estimate’s node price its provenance', () => {
    const estimate = estimateKubernetesWorkloads([], {
      nodeInstanceType: 'm7i.large',
      region: 'eu-west-1',
    });
    expect(estimate.node.priceProvenance).toEqual({
      kind: 'approximate',
      source: expect.stringContaining('m7i.large'),
      reason: SHIPPED_NOTE,
    });
  });
});
