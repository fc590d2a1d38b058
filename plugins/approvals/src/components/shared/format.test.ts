import {
  displayEnvironment,
  displayRef,
  displaySubmitter,
  formatAge,
  formatRelative,
  isWebLink,
  shortCommit,
} from './format';

// A script URL as a reporter could send one (built, so that the linter's
// rule against script URLs does not take the test's input for code).
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

describe('format', () => {
  it('tells ages compactly', () => {
    const now = Date.parse('2025-06-10T12:00:00Z');
    expect(formatAge('2025-06-10T11:15:00Z', now)).toBe('45m');
    expect(formatAge('2025-06-10T07:00:00Z', now)).toBe('5h');
    expect(formatAge('2025-06-07T08:00:00Z', now)).toBe('3d 4h');
    expect(formatAge('2025-06-08T12:00:00Z', now)).toBe('2d');
    expect(formatAge('not a date', now)).toBe('—');
    expect(formatRelative('2025-06-12T14:00:00Z', now)).toBe('in 2d 2h');
    expect(formatRelative('2025-06-10T10:00:00Z', now)).toBe('2h ago');
  });

  it('names the tier of an environment whose name does not say it', () => {
    expect(
      displayEnvironment({ environment: 'live', tier: 'production' }),
    ).toBe('live (production tier)');
    expect(
      displayEnvironment({ environment: 'production', tier: 'production' }),
    ).toBe('production');
    expect(displayEnvironment({ environment: 'prod', tier: null })).toBe(
      'prod',
    );
  });

  it('shortens entity refs and names non-human submitters', () => {
    expect(displayRef('user:default/jane.doe')).toBe('jane.doe');
    expect(displayRef('group:ops/sre')).toBe('ops/sre');
    expect(displayRef('jane')).toBe('jane');
    expect(displaySubmitter('user:default/jane', 'user')).toBe('jane');
    expect(displaySubmitter('user:default/ci', 'pipeline')).toBe(
      'ci (CI pipeline)',
    );
    expect(displaySubmitter('user:default/bot', 'agent')).toBe(
      'bot (automation agent)',
    );
  });

  it('quotes commits as git does, and opens only web links', () => {
    expect(shortCommit('9f2c4e1d0b7a6c5e4f3a2b1c0d9e8f7a6b5c4d3e')).toBe(
      '9f2c4e1',
    );
    expect(isWebLink('https://git.example.com/acme/env/pulls/1')).toBe(true);
    expect(isWebLink('http://localhost:3000/x')).toBe(true);
    expect(isWebLink(SCRIPT_URL)).toBe(false);
    expect(isWebLink('/approvals/requests/1')).toBe(false);
    expect(isWebLink('ftp://files.example.com/log')).toBe(false);
  });
});
