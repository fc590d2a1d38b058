import {
  durationDays,
  explainMemory,
  formatCpu,
  formatDuration,
  formatMemory,
  formatMemoryQuantity,
  parseCpu,
  parseDuration,
  parseMemory,
  parsePercent,
  parsePortRange,
  parseQuantity,
  QUANTITY_PATTERN,
  resolveIntOrPercent,
} from './units';

describe('parseQuantity (every quantity Kubernetes accepts)', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['0.25', 0.25],
    ['.5', 0.5],
    ['5.', 5],
    ['+3', 3],
    ['-1', -1],
    ['512Mi', 512 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1Ei', 2 ** 60],
    ['1G', 1e9],
    ['1k', 1000],
    ['1E', 1e18],
    ['1e3', 1000],
    ['1E3', 1000],
    ['25e-2', 0.25],
    ['1100m', 1.1],
    ['100u', 0.0001],
    ['5n', 5e-9],
    ['512m', 0.512],
    [3, 3],
    [1e21, 1e21],
  ] as const)('reads %p as %p', (input, expected) => {
    expect(parseQuantity(input)).toBe(expected);
  });

  it.each([
    'lots',
    '',
    '1K',
    '1KB',
    '1GiB',
    '1 Gi',
    ' 1Gi',
    '1Gi ',
    '1e',
    '1e3Mi',
    '1.2.3',
    '.',
    'Mi',
    '1mi',
    NaN,
    Infinity,
  ])('refuses %p, as the API server does', input => {
    expect(parseQuantity(input)).toBeUndefined();
  });

  it('exports the grammar for schemas', () => {
    expect(QUANTITY_PATTERN.test('250m')).toBe(true);
    expect(QUANTITY_PATTERN.test('250 m')).toBe(false);
  });
});

describe('parseCpu', () => {
  it.each([
    ['250m', 250],
    ['0.5', 500],
    ['2', 2000],
    ['1.5', 1500],
    [2, 2000],
    [0.25, 250],
  ] as const)('parses %p as %p millicores', (input, expected) => {
    expect(parseCpu(input)).toBe(expected);
  });

  it.each(['250 m', 'two', '1k', '', '-1'])('rejects %p', input => {
    expect(parseCpu(input)).toBeUndefined();
  });

  it.each(['1M', '500000u', '2e3', '1Gi', ' 250m', -0.5])(
    'rejects %p: legal Kubernetes, but not how a plan writes CPU',
    input => {
      expect(parseCpu(input)).toBeUndefined();
    },
  );

  it('counts exactly and rounds a fraction of a millicore up, like Kubernetes', () => {
    expect(parseCpu('1.1')).toBe(1100);
    expect(parseCpu('1100m')).toBe(1100);
    expect(parseCpu('0.0001')).toBe(1);
    expect(parseCpu('1.5m')).toBe(2);
  });
});

describe('parseMemory', () => {
  it.each([
    ['512Mi', 512 * 1024 ** 2],
    ['1Gi', 1024 ** 3],
    ['1.5Gi', 1.5 * 1024 ** 3],
    ['100Gi', 100 * 1024 ** 3],
    ['500M', 500e6],
    ['64Ki', 65536],
    ['1024', 1024],
    [2048, 2048],
  ] as const)('parses %p', (input, expected) => {
    expect(parseMemory(input)).toBe(expected);
  });

  it.each(['512m', '512MB', '2GiB', 'lots', ''])('rejects %p', input => {
    expect(parseMemory(input)).toBeUndefined();
  });

  it.each([
    ['1Ei', 2 ** 60],
    ['1e9', 1e9],
    ['.5Gi', 2 ** 29],
    ['1k', 1000],
    ['0.1Ki', 103],
  ] as const)(
    'parses %p like Kubernetes (whole bytes, rounded up)',
    (input, expected) => {
      expect(parseMemory(input)).toBe(expected);
    },
  );

  it.each(['512u', '5n', '1K', '-1Gi', ' 512Mi', '512 Mi'])(
    'rejects %p',
    input => {
      expect(parseMemory(input)).toBeUndefined();
    },
  );

  it('explains the usual mistakes', () => {
    expect(explainMemory('512m')).toMatch(/milli-bytes.*512Mi/);
    expect(explainMemory('512MB')).toMatch(/512Mi/);
    expect(explainMemory('2GiB')).toMatch(/2Gi/);
    expect(explainMemory('512Mi')).toBeUndefined();
  });

  it('explains the other refusals', () => {
    expect(explainMemory('512u')).toMatch(/micro-bytes/);
    expect(explainMemory('1K')).toMatch(/1k .*1Ki/);
    expect(explainMemory('-1Gi')).toMatch(/negative/);
    expect(explainMemory('512 Mi')).toMatch(/spaces/);
    expect(explainMemory('lots')).toMatch(/512Mi/);
  });
});

describe('durations', () => {
  it.each([
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['30d', 2592000],
    ['2w', 1209600],
    ['1h30m', 5400],
    ['250ms', 0.25],
  ] as const)('parses %p as %p seconds', (input, expected) => {
    expect(parseDuration(input)).toBe(expected);
  });

  it.each(['30', '1 hour', '30_days', 'h1', ''])('rejects %p', input => {
    expect(parseDuration(input)).toBeUndefined();
  });

  it('converts to days and formats back', () => {
    expect(durationDays('30d')).toBe(30);
    expect(durationDays('36h')).toBe(1.5);
    expect(formatDuration(5400)).toBe('1h30m');
    expect(formatDuration(2592000)).toBe('30d');
    expect(formatDuration(0.25)).toBe('250ms');
    expect(formatDuration(3600)).toBe('1h');
  });
});

describe('formatting', () => {
  it('formats CPU and memory the way manifests write them', () => {
    expect(formatCpu(250)).toBe('250m');
    expect(formatCpu(2000)).toBe('2');
    expect(formatMemory(512 * 1024 ** 2)).toBe('512Mi');
    expect(formatMemory(1.5 * 1024 ** 3)).toBe('1.5Gi');
  });

  it('rounds CPU to a whole millicore before choosing the form', () => {
    expect(formatCpu(999.6)).toBe('1');
    expect(formatCpu(1500)).toBe('1500m');
  });

  it('writes memory for manifests in Kubernetes canonical form', () => {
    expect(formatMemoryQuantity(512 * 1024 ** 2)).toBe('512Mi');
    expect(formatMemoryQuantity(1.5 * 1024 ** 3)).toBe('1536Mi');
    expect(formatMemoryQuantity(4 * 1024 ** 3)).toBe('4Gi');
    expect(formatMemoryQuantity(1024 ** 4)).toBe('1Ti');
    expect(formatMemoryQuantity(1000)).toBe('1000');
    expect(formatMemoryQuantity(0)).toBe('0');
  });
});

describe('ports, int-or-percent and percentages', () => {
  it('parses ports and ranges', () => {
    expect(parsePortRange(443)).toEqual({ from: 443, to: 443 });
    expect(parsePortRange('1024-65535')).toEqual({ from: 1024, to: 65535 });
    expect(parsePortRange('443-80')).toBeUndefined();
    expect(parsePortRange(70000)).toBeUndefined();
    expect(parsePortRange('http')).toBeUndefined();
  });

  it('resolves percentages against a total', () => {
    expect(resolveIntOrPercent('25%', 8, 'up')).toBe(2);
    expect(resolveIntOrPercent('25%', 2, 'up')).toBe(1);
    expect(resolveIntOrPercent('25%', 2, 'down')).toBe(0);
    expect(resolveIntOrPercent(3, 10, 'down')).toBe(3);
    expect(resolveIntOrPercent('lots', 10, 'up')).toBeUndefined();
  });

  it('parses percentages with or without the sign', () => {
    expect(parsePercent(99.9)).toBe(99.9);
    expect(parsePercent('5%')).toBe(5);
    expect(parsePercent('five')).toBeUndefined();
  });
});
