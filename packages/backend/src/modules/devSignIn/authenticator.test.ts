import { parseDevUser } from './authenticator';

describe('parseDevUser', () => {
  it('accepts bare names and full user references', () => {
    expect(parseDevUser('alice')).toBe('user:default/alice');
    expect(parseDevUser(' user:default/bob ')).toBe('user:default/bob');
    expect(parseDevUser('user:partners/zoe')).toBe('user:partners/zoe');
  });

  it('refuses what is not a user, saying why', () => {
    expect(() => parseDevUser(undefined)).toThrow(
      'Missing x-gatehouse-dev-user header',
    );
    expect(() => parseDevUser('  ')).toThrow(
      'Missing x-gatehouse-dev-user header',
    );
    expect(() => parseDevUser('group:default/sre')).toThrow(
      "'group:default/sre' is not a User",
    );
    expect(() => parseDevUser('user:default/')).toThrow(
      'Invalid user reference',
    );
  });
});
