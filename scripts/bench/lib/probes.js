// The measurements that are not plain read throughput: feedback intake, publish → portal delivery
// latency, and staleness across two nodes.
const { runLoad } = require('./load');

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const summarise = (samplesMs) => ({ count: samplesMs.length, p50: percentile(samplesMs, 50), p95: percentile(samplesMs, 95), p99: percentile(samplesMs, 99), max: Math.max(...samplesMs) });
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An address per request (10.0.0.1, 10.0.0.2, …), so no client ever reaches the per-address limit. */
const clientAddress = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/**
 * POST /api/feedbacks from many client addresses (X-Forwarded-For, trusted with PROXY=true), each
 * body unique so none is answered as a duplicate; counts accepted (201/200) answers per second.
 */
const feedbackIntake = async ({ baseUrl, policyDocumentId, seconds }) => {
  let sent = 0;
  const setupRequest = (request) => {
    sent += 1;
    return {
      ...request,
      headers: { ...request.headers, 'x-forwarded-for': clientAddress(sent) },
      body: JSON.stringify({
        data: {
          policy: policyDocumentId,
          submitterType: 'citizen',
          fullName: 'Nguyễn Thị Hoa',
          email: `nguoi.dan.${sent}@example.vn`,
          content: `Đề nghị bổ sung hỗ trợ cho hộ nghèo ở thôn vùng cao (góp ý thử tải số ${sent}).`,
          category: 'recommendation',
          publicConsent: false,
        },
      }),
    };
  };
  const request = { method: 'POST', path: '/api/feedbacks', headers: { 'content-type': 'application/json' } };
  return runLoad({ baseUrl, requests: [request], seconds, expected: [200, 201], setupRequest });
};

/**
 * Publishes `count` new policies through the admin API and measures, for each, the time from the
 * publish response to the portal receiver's arrival of its `policy.published` webhook (0 when the
 * webhook arrived before the response).
 */
const publishLatency = async ({ admin, receiver, count }) => {
  const samples = [];
  for (let i = 1; i <= count; i += 1) {
    const documentId = await admin.createPolicy({ title: `Chính sách đo độ trễ phát hành ${i}`, summary: 'Bản ghi đo độ trễ từ khi phát hành đến khi cổng thông tin nhận được.' });
    await admin.approve(documentId);
    await admin.publish(documentId);
    const answered = performance.now();
    const arrival = await receiver.waitFor((candidate) => candidate.documentId === documentId && candidate.type === 'policy.published');
    samples.push(Math.max(0, arrival.at - answered));
  }
  return summarise(samples);
};

/** Polls `probe` every 10 ms until it holds; returns the milliseconds it took (throws after 15 s). */
const until = async (what, probe) => {
  const started = performance.now();
  while (!(await probe())) {
    if (performance.now() - started > 15_000) throw new Error(`node B still stale after 15 s: ${what}`);
    await delay(10);
  }
  return performance.now() - started;
};

/**
 * Changes a policy through node A (publish, edit + re-publish, unpublish) and, from A's answer, polls
 * node B's public REST (the URL a portal reads, already requested before the change so any cache
 * holds the old answer) until B serves the change.
 */
const staleness = async ({ admin, readerUrl, rounds }) => {
  const samples = { published: [], updated: [], unpublished: [] };
  const read = async (documentId) => {
    const response = await fetch(`${readerUrl}/api/policies/${documentId}`);
    return { status: response.status, title: response.ok ? (await response.json()).data.title : null };
  };
  for (let i = 1; i <= rounds; i += 1) {
    const title = `Chính sách đo độ trễ giữa hai nút ${i}`;
    const documentId = await admin.createPolicy({ title, summary: 'Bản ghi đo thời gian nút B thấy thay đổi ghi qua nút A.' });
    await read(documentId);
    await admin.approveAndPublish(documentId);
    samples.published.push(await until('publish', async () => (await read(documentId)).status === 200));
    const edited = `${title} (đã sửa)`;
    await admin.updatePolicy(documentId, { title: edited });
    await admin.approveAndPublish(documentId);
    samples.updated.push(await until('update', async () => (await read(documentId)).title === edited));
    await admin.unpublish(documentId);
    samples.unpublished.push(await until('unpublish', async () => (await read(documentId)).status === 404));
  }
  return { all: summarise([...samples.published, ...samples.updated, ...samples.unpublished]), byChange: Object.fromEntries(Object.entries(samples).map(([kind, values]) => [kind, summarise(values)])) };
};

/**
 * Coverage KPIs computed from scratch: `rounds` sequential GET /api/coverage on a node without the read
 * cache, each with its own period (so nothing in between could answer from memory); wall time each.
 */
const coverageLatency = async ({ baseUrl, rounds }) => {
  const samples = [];
  for (let round = 0; round < rounds; round += 1) {
    const to = new Date(Date.now() - round * 86_400_000).toISOString().slice(0, 10);
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/coverage?to=${to}`);
    const body = await response.json();
    samples.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`GET /api/coverage answered ${response.status}: ${JSON.stringify(body).slice(0, 200)}`);
    if (round === 0) samples.figures = { inScope: body.policies.inScope, received: body.feedback.received };
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share) => sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1], count: samples.length, figures: samples.figures };
};

module.exports = { coverageLatency, feedbackIntake, publishLatency, staleness };
