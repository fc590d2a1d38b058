import { ConfigReader } from '@backstage/config';
import { DEFAULT_SETTINGS, readClustersConfig } from './config';

describe('readClustersConfig', () => {
  it('reads durations as objects or strings, with defaults', () => {
    expect(readClustersConfig(new ConfigReader({}))).toEqual(DEFAULT_SETTINGS);
    expect(
      readClustersConfig(
        new ConfigReader({
          gatehouse: {
            clusters: {
              timeout: { seconds: 2 },
              watchTimeout: '2m',
              retry: { initialDelay: { milliseconds: 500 }, maxDelay: '30s' },
              pageSize: 250,
            },
          },
        }),
      ),
    ).toEqual({
      timeoutMs: 2000,
      catalogCacheTtlMs: 30_000,
      pageSize: 250,
      watchTimeoutSeconds: 120,
      retry: { initialDelayMs: 500, maxDelayMs: 30_000, failuresBeforeDown: 3 },
    });
  });

  it('refuses a zero timeout and a bad page size', () => {
    expect(() =>
      readClustersConfig(
        new ConfigReader({
          gatehouse: { clusters: { timeout: { seconds: 0 } } },
        }),
      ),
    ).toThrow('timeout must be longer than zero');
    expect(() =>
      readClustersConfig(
        new ConfigReader({ gatehouse: { clusters: { pageSize: 0.5 } } }),
      ),
    ).toThrow('pageSize must be a positive integer');
    expect(() =>
      readClustersConfig(
        new ConfigReader({
          gatehouse: { clusters: { retry: { failuresBeforeDown: 0 } } },
        }),
      ),
    ).toThrow('retry.failuresBeforeDown must be a positive integer');
    expect(() =>
      readClustersConfig(
        new ConfigReader({
          gatehouse: {
            clusters: { retry: { initialDelay: '10s', maxDelay: '1s' } },
          },
        }),
      ),
    ).toThrow('retry needs 0 < initialDelay <= maxDelay');
  });
});
