import { percentile, summarizeMs } from './bench';

describe('bench helpers', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
  });

  it('summarizes samples to one decimal', () => {
    expect(summarizeMs([1.234, 2.345, 3.456])).toEqual({
      p50_ms: 2.3,
      p95_ms: 3.5,
      min_ms: 1.2,
      max_ms: 3.5,
      runs: 3,
    });
  });
});
