import { ConfigReader } from '@backstage/config';
import { localServerUrl } from './localServerUrl';

const url = (backend?: object) =>
  localServerUrl(new ConfigReader(backend ? { backend } : {}), '/api/signals')
    .href;

describe('localServerUrl', () => {
  it('reaches a server listening on every interface through loopback', () => {
    expect(url({ listen: ':7007' })).toBe('http://127.0.0.1:7007/api/signals');
    expect(url({ listen: { port: 17101 } })).toBe(
      'http://127.0.0.1:17101/api/signals',
    );
    expect(url({ listen: { port: 7007, host: '0.0.0.0' } })).toBe(
      'http://127.0.0.1:7007/api/signals',
    );
    expect(url({ listen: { port: 7007, host: '::' } })).toBe(
      'http://127.0.0.1:7007/api/signals',
    );
  });

  it('uses the port Backstage defaults to', () => {
    expect(url()).toBe('http://127.0.0.1:7007/api/signals');
  });

  it('keeps a specific listen address', () => {
    expect(url({ listen: '10.1.2.3:8080' })).toBe(
      'http://10.1.2.3:8080/api/signals',
    );
    expect(url({ listen: { port: 8080, host: '::1' } })).toBe(
      'http://[::1]:8080/api/signals',
    );
  });

  it('speaks HTTPS when the backend serves it', () => {
    expect(
      url({
        baseUrl: 'https://gatehouse.example.com',
        https: true,
        listen: ':7443',
      }),
    ).toBe('https://127.0.0.1:7443/api/signals');
  });

  it('ignores the public base URL, which a balancer sends to any replica', () => {
    expect(
      url({ baseUrl: 'https://gatehouse.example.com', listen: ':7007' }),
    ).toBe('http://127.0.0.1:7007/api/signals');
  });
});
