import {
  HOURS_PER_MONTH,
  compactMoney,
  dollars,
  formatCostDelta,
  formatMoney,
  money,
  roundMoney,
  roundToCents,
  signedMoney,
} from './money';

describe('money helpers', () => {
  it('uses 730 hours a month', () => {
    expect(HOURS_PER_MONTH).toBe(730);
  });

  it('removes floating-point noise but keeps sub-cent precision', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(roundMoney(0.1 + 0.2)).toBe(0.3);
    expect(roundMoney(0.0416 * 730)).toBe(30.368);
    expect(roundMoney(0.00099)).toBe(0.00099);
    expect(roundMoney(-0.0000001)).toBe(0);
    expect(Object.is(roundMoney(-0.0000001), 0)).toBe(true);
  });

  it('rounds cents half away from zero', () => {
    expect(roundToCents(1.005)).toBe(1.01);
    expect(roundToCents(-1.005)).toBe(-1.01);
    expect(roundToCents(30.368)).toBe(30.37);
    expect(roundToCents(2.004)).toBe(2);
  });

  it('formats amounts with separators and optional sign', () => {
    expect(formatMoney(30.368)).toBe('30.37');
    expect(formatMoney(1234567.891)).toBe('1,234,567.89');
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(12, { signed: true })).toBe('+12.00');
    expect(formatMoney(-12.5, { signed: true })).toBe('-12.50');
    expect(formatMoney(-0.001, { signed: true })).toBe('0.00');
  });

  it('writes amounts with their currency, whole units from 10,000 up', () => {
    expect(money(1234.5)).toBe('1,234.50 USD');
    expect(money(12345.6)).toBe('12,346 USD');
    expect(money(-12.5, 'EUR')).toBe('-12.50 EUR');
    expect(signedMoney(12)).toBe('+12.00 USD');
    expect(signedMoney(-12)).toBe('-12.00 USD');
    expect(signedMoney(0)).toBe('0.00 USD');
  });

  it('writes compact axis labels and dollar amounts', () => {
    expect(compactMoney(1234)).toBe('1.2K');
    expect(compactMoney(35_000)).toBe('35K');
    expect(dollars(1234.5)).toBe('$1,234.50');
  });

  it('signs cost deltas, in USD a month', () => {
    expect(formatCostDelta(120.5)).toBe('+$120.50/mo');
    expect(formatCostDelta(-1234.567)).toBe('−$1,234.57/mo');
    expect(formatCostDelta(0)).toBe('$0.00/mo');
    expect(formatCostDelta(-0.001)).toBe('$0.00/mo');
    expect(formatCostDelta(null)).toBe('—');
  });
});
