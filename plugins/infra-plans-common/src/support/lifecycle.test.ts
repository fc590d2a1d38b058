import { supportCalendar } from './calendar';
import {
  calendarEntry,
  newestInStandardSupport,
  supportStatus,
} from './lifecycle';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

function phase(
  product: Parameters<typeof supportStatus>[0],
  version: string,
  iso: string,
) {
  const status = supportStatus(product, version, day(iso));
  return status.known ? status.phase : 'not on the calendar';
}

describe('the support calendar', () => {
  it('lists EKS 1.28 to 1.35 with the published dates', () => {
    expect(supportCalendar.eks.map(e => e.version)).toEqual([
      '1.28',
      '1.29',
      '1.30',
      '1.31',
      '1.32',
      '1.33',
      '1.34',
      '1.35',
    ]);
    expect(calendarEntry('eks', '1.30')).toMatchObject({
      released: '2024-05-23',
      endOfStandardSupport: '2025-07-23',
      endOfExtendedSupport: '2026-07-23',
    });
  });

  it('keeps every list oldest first, each end after its start', () => {
    const withEnds = Object.values(supportCalendar)
      .flat()
      .filter(entry => entry.endOfStandardSupport);
    for (const entries of Object.values(supportCalendar)) {
      for (const entry of entries) {
        expect(entry.source).not.toBe('');
      }
      const released = entries.map(e => e.released);
      expect([...released].sort()).toEqual(released);
    }
    expect(withEnds.length).toBeGreaterThan(0);
    for (const entry of withEnds) {
      expect(entry.endOfStandardSupport! > entry.released).toBe(true);
      expect(entry.endOfExtendedSupport! > entry.endOfStandardSupport!).toBe(
        true,
      );
    }
  });

  it('matches engine versions to their major version', () => {
    expect(calendarEntry('rds-postgres', '15.4')?.version).toBe('15');
    expect(calendarEntry('rds-mysql', '8.0.35')?.version).toBe('8.0');
    expect(calendarEntry('elasticache-redis', '7.1')?.version).toBe('7');
    expect(calendarEntry('elasticache-redis', '5.0.6')?.version).toBe('5.0');
    expect(calendarEntry('rds-postgres', '9.6')).toBeUndefined();
    expect(calendarEntry('eks', '1.3')).toBeUndefined();
  });
});

describe('supportStatus', () => {
  it('EKS: standard, then extended from the end-of-standard day, then ended', () => {
    expect(phase('eks', '1.30', '2025-07-22')).toBe('standard');
    expect(phase('eks', '1.30', '2025-07-23')).toBe('extended');
    expect(phase('eks', '1.30', '2026-07-22')).toBe('extended');
    expect(phase('eks', '1.30', '2026-07-23')).toBe('ended');
    expect(phase('eks', '1.28', '2026-12-07')).toBe('ended');
    expect(phase('eks', '1.35', '2026-12-07')).toBe('standard');
    expect(phase('eks', '1.35', '2026-01-01')).toBe('unreleased');
    expect(phase('eks', '1.99', '2026-12-07')).toBe('not on the calendar');
  });

  it('RDS: the end-of-standard day is still standard; charges start the day after', () => {
    expect(phase('rds-mysql', '8.0.35', '2026-07-31')).toBe('standard');
    expect(phase('rds-mysql', '8.0.35', '2026-08-01')).toBe('extended');
    expect(phase('rds-mysql', '5.7', '2027-03-01')).toBe('ended');
    expect(phase('rds-postgres', '15.4', '2026-12-07')).toBe('standard');
  });

  it('treats a version with no announced end as in standard support', () => {
    expect(phase('elasticache-valkey', '8.0', '2030-01-01')).toBe('standard');
    expect(phase('elasticache-redis', '6.2', '2027-02-01')).toBe('extended');
  });
});

describe('newestInStandardSupport', () => {
  it('is 1.35 on 2026-12-07, after 1.34 left standard support on 2026-12-02', () => {
    expect(newestInStandardSupport('eks', day('2026-12-07'))?.version).toBe(
      '1.35',
    );
    expect(newestInStandardSupport('eks', day('2025-06-01'))?.version).toBe(
      '1.33',
    );
  });

  it('is nothing when the calendar has run out', () => {
    expect(newestInStandardSupport('eks', day('2027-03-27'))).toBeUndefined();
  });
});
