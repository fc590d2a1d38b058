import { resolveHeader } from './columns';

const CORE = [
  'BilledCost',
  'EffectiveCost',
  'ChargePeriodStart',
  'ChargeCategory',
  'BillingCurrency',
];

describe('resolveHeader', () => {
  it('maps columns case-insensitively and ignores surrounding whitespace', () => {
    const header = resolveHeader([
      ' billedcost',
      'EFFECTIVECOST',
      'ChargePeriodStart ',
      'ChargeCategory',
      'BillingCurrency',
      'SkuPriceid',
    ]);
    expect(header.index.BilledCost).toBe(0);
    expect(header.index.EffectiveCost).toBe(1);
    expect(header.index.SkuPriceId).toBe(5);
    expect(header.index.Tags).toBe(-1);
    expect(header.missingRequiredColumns).toEqual([]);
  });

  it('reports every missing required column', () => {
    const header = resolveHeader(['BilledCost', 'ChargeCategory']);
    expect(header.missingRequiredColumns).toEqual([
      'EffectiveCost',
      'ChargePeriodStart',
      'BillingCurrency',
    ]);
  });

  it('keeps x_ columns, lists unknown and duplicate ones', () => {
    const header = resolveHeader([...CORE, 'x_CostCenter', 'Id', 'billedcost']);
    expect(header.extensionColumns).toEqual([
      { name: 'x_CostCenter', index: 5 },
    ]);
    expect(header.unknownColumns).toEqual(['Id']);
    expect(header.duplicateColumns).toEqual(['billedcost']);
    expect(header.index.BilledCost).toBe(0);
  });

  it('accepts renamed columns from other FOCUS versions, canonical names first', () => {
    const header = resolveHeader([
      'BilledCost',
      'AmortizedCost',
      'ChargePeriodStart',
      'ChargeType',
      'BillingCurrency',
      'ServiceProviderName',
      'ProviderName',
    ]);
    expect(header.index.EffectiveCost).toBe(1);
    expect(header.index.ChargeCategory).toBe(3);
    expect(header.index.ProviderName).toBe(6);
    expect(header.aliasedColumns).toEqual([
      'AmortizedCost→EffectiveCost',
      'ChargeType→ChargeCategory',
    ]);
    expect(header.unknownColumns).toEqual(['ServiceProviderName']);
  });

  it('detects the FOCUS version from version-specific columns', () => {
    expect(resolveHeader(CORE).detectedVersion).toBe('1.0');
    expect(resolveHeader([...CORE, 'ServiceSubcategory']).detectedVersion).toBe(
      '1.1',
    );
    expect(
      resolveHeader([...CORE, 'CapacityReservationId', 'InvoiceId'])
        .detectedVersion,
    ).toBe('1.2');
  });
});
