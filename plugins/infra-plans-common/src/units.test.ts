import {
  durationDays,
  explainMemory,
  formatCpu,
  formatDuration,
  formatMemory,
  parseCpu,
  parseDuration,
  parseMemory,
  parsePercent,
  parsePortRange,
  resolveIntOrPercent,
} from './units';

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

  it('explains the usual mistakes', () => {
    expect(explainMemory('512m')).toMatch(/milli-bytes.*512Mi/);
    expect(explainMemory('512MB')).toMatch(/512Mi/);
    expect(explainMemory('2GiB')).toMatch(/2Gi/);
    expect(explainMemory('512Mi')).toBeUndefined();
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
