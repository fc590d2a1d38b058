import {
  cellText,
  dayNumberToIsoDate,
  parseDecimal,
  parseTimestamp,
  utcDay,
} from './values';

describe('cellText', () => {
  it.each(['', '   ', 'NULL', 'null', 'Null', ' NULL '])(
    'treats %j as no value',
    raw => {
      expect(cellText(raw)).toBeNull();
    },
  );

  it('treats a missing cell as no value', () => {
    expect(cellText(undefined)).toBeNull();
  });

  it('trims and keeps real values, including ones that merely contain null', () => {
    expect(cellText('  AWS ')).toBe('AWS');
    expect(cellText('NULLABLE')).toBe('NULLABLE');
    expect(cellText('0')).toBe('0');
  });

  it('trims exactly what String#trim trims', () => {
    for (const raw of [
      '\u00A0AWS\u00A0',
      '\uFEFFAWS',
      'AWS\t',
      '\r\nAWS',
      '\u0001AWS\u0001',
      'A',
      '~AWS!',
      'é',
      '\u3000',
    ]) {
      expect(cellText(raw)).toBe(raw.trim() === '' ? null : raw.trim());
    }
  });
});

describe('parseDecimal', () => {
  it.each([
    ['0.00000080000', 8e-7],
    ['-2.61370000000', -2.6137],
    ['1.5E-7', 1.5e-7],
    ['4e-7', 4e-7],
    ['-1.25e+3', -1250],
    ['+3', 3],
    ['.5', 0.5],
    ['12.', 12],
    ['8760.00', 8760],
  ])('parses %s', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each([
    'abc',
    '0x10',
    '0b101',
    'Infinity',
    '1,234.5',
    '1e999',
    '--1',
    '',
    '1 2',
    'NaN',
  ])('rejects %j', text => {
    expect(parseDecimal(text)).toBeUndefined();
  });

  it('gives exactly what Number() gives for plain decimals of any length', () => {
    // Plain `[-]digits[.digits]` up to 15 digits take a fast path; longer ones
    // take Number(). Both must agree with Number() to the last bit.
    // Park–Miller: products stay below 2^53, so the sequence is exact.
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const checked = new Set<string>(['0', '-0', '0.0', '-0.000', '1.', '.1']);
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + random(19);
      let digits = '';
      for (let d = 0; d < length; d++) digits += String(random(10));
      const dot = random(length + 2);
      const text =
        (random(3) === 0 ? '-' : '') +
        (dot > length
          ? digits
          : `${digits.slice(0, dot)}.${digits.slice(dot)}`);
      checked.add(text);
    }
    const mismatches = [...checked].filter(
      text => !Object.is(parseDecimal(text), Number(text)),
    );
    expect(checked.size).toBeGreaterThan(15_000);
    expect(mismatches).toEqual([]);
    expect(Object.is(parseDecimal('-0'), -0)).toBe(true);
    expect(parseDecimal('0.0000004')).toBe(4e-7);
    expect(parseDecimal('123456789012345')).toBe(123456789012345);
    expect(parseDecimal('0.1234567890123456789')).toBe(0.1234567890123456789);
  });
});

describe('parseTimestamp', () => {
  const utc = (
    ...parts: [number, number, number, number?, number?, number?, number?]
  ) =>
    Date.UTC(
      parts[0],
      parts[1] - 1,
      parts[2],
      parts[3] ?? 0,
      parts[4] ?? 0,
      parts[5] ?? 0,
      parts[6] ?? 0,
    );

  it.each([
    ['2024-09-18 23:00:00', utc(2024, 9, 18, 23)],
    ['2024-09-18T23:00:00', utc(2024, 9, 18, 23)],
    ['2024-09-18T23:00:00Z', utc(2024, 9, 18, 23)],
    ['2024-09-18t23:00:00z', utc(2024, 9, 18, 23)],
    ['2024-09-18T23:00:00.250Z', utc(2024, 9, 18, 23, 0, 0, 250)],
    ['2024-09-18T23:00:00.123456789Z', utc(2024, 9, 18, 23, 0, 0, 123)],
    ['2024-09-18T23:00Z', utc(2024, 9, 18, 23)],
    ['2024-09-19T01:00:00+02:00', utc(2024, 9, 18, 23)],
    ['2024-09-18T18:30:00-0430', utc(2024, 9, 18, 23)],
    ['2024-09-19T01:00:00+02', utc(2024, 9, 18, 23)],
    ['2024-09-18 23:00:00 UTC', utc(2024, 9, 18, 23)],
    ['2024-09-18', utc(2024, 9, 18)],
    ['2024-02-29', utc(2024, 2, 29)],
  ])('parses %s as UTC', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    '2023-02-01T30:00:00Z', // hour 30, from the official spec scenarios
    '2023-02-29',
    '2024-13-01',
    '2024-09-31',
    '2024-09-18T24:00:00Z',
    '2024-09-18T23:60:00Z',
    '2024-09-18T23:00:61Z',
    '2024/09/18',
    '18.09.2024',
    '2024-09-18X23:00:00',
    '2024-09-18T23:00:00+25:00',
    '2024-09-18T23:00:00 CEST',
    '2024-09-18T23:00:00.',
    'yesterday',
  ])('rejects %s', text => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});

describe('utcDay', () => {
  it('uses the UTC calendar day, also for instants just before midnight', () => {
    expect(utcDay(Date.UTC(2024, 8, 18, 23, 59, 59, 999))).toBe('2024-09-18');
    expect(utcDay(Date.UTC(2024, 8, 19))).toBe('2024-09-19');
    expect(utcDay(Date.UTC(1969, 11, 31, 12))).toBe('1969-12-31');
    expect(dayNumberToIsoDate(0)).toBe('1970-01-01');
  });
});
