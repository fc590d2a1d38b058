import { costChangeTone } from './costChange';

describe('costChangeTone', () => {
  it('marks more cost as an error and less cost as a success', () => {
    expect(costChangeTone(5)).toBe('error');
    expect(costChangeTone(-5)).toBe('success');
    expect(costChangeTone(0)).toBeUndefined();
    expect(costChangeTone(0.004)).toBeUndefined();
    expect(costChangeTone(null)).toBeUndefined();
  });
});
