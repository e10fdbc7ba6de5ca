// The one load runner: autocannon against one target with a list of requests it cycles through.
const autocannon = require('autocannon');

const CONNECTIONS = 20;

/**
 * Runs `requests` (autocannon request objects, cycled) against `baseUrl` for `seconds` with 20
 * connections, after a short warm-up when `warmupSeconds` > 0. Returns req/s, latency percentiles,
 * and how many answers had a status outside `expected` (or failed at the socket).
 */
const runLoad = async ({ baseUrl, requests, seconds, warmupSeconds = 0, expected = [200], setupRequest }) => {
  const options = { url: baseUrl, connections: CONNECTIONS, requests: requests.map((request) => (setupRequest ? { ...request, setupRequest } : request)) };
  if (warmupSeconds > 0) await autocannon({ ...options, duration: warmupSeconds });
  const result = await autocannon({ ...options, duration: seconds });
  const byStatus = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]));
  const unexpected = Object.entries(byStatus).filter(([status]) => !expected.includes(Number(status))).reduce((sum, [, count]) => sum + count, 0);
  const ok = Object.entries(byStatus).filter(([status]) => expected.includes(Number(status))).reduce((sum, [, count]) => sum + count, 0);
  return {
    rps: result.requests.average,
    okPerSecond: ok / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    byStatus,
    unexpected: unexpected + result.errors + result.timeouts,
  };
};

module.exports = { CONNECTIONS, runLoad };
