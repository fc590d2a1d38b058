import { costPlugin } from './plugin';

describe('cost', () => {
  it('should export plugin', () => {
    expect(costPlugin).toBeDefined();
  });
});
