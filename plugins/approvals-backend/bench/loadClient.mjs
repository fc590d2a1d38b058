// The load generator of approvals.bench.ts, in its own process so that it
// does not share the server's event loop: runs autocannon with the options
// given as JSON in argv[2] and prints the latency percentiles as JSON.
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);
const latencies = [];
const instance = autocannon(options);
instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
const result = await instance;
latencies.sort((a, b) => a - b);
const percentile = p =>
  latencies[
    Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)
  ];
process.stdout.write(
  JSON.stringify({
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
    requestsPerSecond: result.requests.average,
    responses: latencies.length,
    failed: result.non2xx + result.errors + result.timeouts,
  }),
);
