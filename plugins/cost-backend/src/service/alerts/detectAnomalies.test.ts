import { addDays } from '../../store/dayRanges';
import { detectAnomalies } from './detectAnomalies';

function history(values: number[], start = '2026-03-01') {
  return new Map(values.map((v, i) => [addDays(start, i), v]));
}

describe('detectAnomalies', () => {
  // 30 days alternating 100 and 110: mean 105, standard deviation 5.
  const steady = Array.from({ length: 30 }, (_, i) => (i % 2 ? 110 : 100));

  it('flags a day more than three standard deviations above the trailing 30 days', () => {
    const daily = history([...steady, 121, 119]);
    const found = detectAnomalies(daily, ['2026-03-31', '2026-04-01']);
    // 121 > 105 + 3 × 5 = 120; the next day's window includes 121 and is wider.
    expect(found).toEqual([
      { day: '2026-03-31', cost: 121, mean: 105, standardDeviation: 5 },
    ]);
  });

  it('ignores a rise within three standard deviations, or one too small to matter', () => {
    expect(detectAnomalies(history([...steady, 119]), ['2026-03-31'])).toEqual(
      [],
    );
    const tiny = Array.from({ length: 30 }, () => 0.01);
    expect(detectAnomalies(history([...tiny, 5]), ['2026-03-31'])).toEqual([]);
  });

  it('does not judge a service with too little history', () => {
    const young = new Map([
      ['2026-03-29', 1],
      ['2026-03-30', 1],
      ['2026-03-31', 500],
    ]);
    expect(detectAnomalies(young, ['2026-03-31'])).toEqual([]);
  });
});
