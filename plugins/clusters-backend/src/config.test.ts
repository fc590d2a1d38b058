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
              cacheTtl: '10s',
              pageSize: 250,
            },
          },
        }),
      ),
    ).toEqual({
      timeoutMs: 2000,
      cacheTtlMs: 10_000,
      catalogCacheTtlMs: 30_000,
      keepWarmMs: 60_000,
      pageSize: 250,
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
  });
});
