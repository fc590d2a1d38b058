import { parseCliArgs } from './cliArgs';

describe('parseCliArgs', () => {
  it('reads every flag, in both --flag value and --flag=value forms', () => {
    expect(
      parseCliArgs([
        '--port-base',
        '7443',
        '--pods-per-cluster=2000',
        '--bench-services',
        '50',
        '--token',
        't0k3n',
        '--fault',
        'eks-staging-use1=hang',
        '--fault=eks-production-use1=delayMs:200+error5xx:502',
        '--watch-timeout',
        '60',
        '--app-config',
        '/tmp/k8s.yaml',
      ]),
    ).toEqual({
      help: false,
      appConfigFile: '/tmp/k8s.yaml',
      simulator: {
        portBase: 7443,
        podsPerCluster: 2000,
        benchServices: 50,
        token: 't0k3n',
        watchTimeoutSeconds: 60,
        faults: {
          'eks-staging-use1': 'hang',
          'eks-production-use1': 'delayMs:200+error5xx:502',
        },
      },
    });
  });

  it('defaults to nothing and recognises --help', () => {
    expect(parseCliArgs([])).toEqual({ help: false, simulator: {} });
    expect(parseCliArgs(['-h']).help).toBe(true);
  });

  it.each([
    [['--port-base', 'abc'], /whole number/],
    [['--port-base', '70000'], /port number/],
    [['--pods-per-cluster'], /needs a value/],
    [['--fault', 'hang'], /<cluster>=<fault>/],
    [['--fault', 'eks-staging-use1=explode'], /Unknown fault/],
    [['--frobnicate'], /Unknown option/],
  ])('rejects %p', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
