import { infraPlansPlugin } from './plugin';

describe('infra-plans', () => {
  it('provides the plan tab and its API', () => {
    expect(infraPlansPlugin.id).toBe('infra-plans');
  });
});
