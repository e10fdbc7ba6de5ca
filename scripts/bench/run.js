#!/usr/bin/env node
// `npm run bench`: read throughput of the app against a plain node:http + pg baseline, feedback intake,
// publish → portal latency and staleness across two nodes, on a fresh PostgreSQL database with N policies.
// README › Benchmarks explains the cases and the variables; results are appended to BENCHMARKS.md.
/* eslint-disable no-console */
const crypto = require('crypto');
const os = require('os');
const path = require('path');
const { Client } = require('pg');
const { execFile } = require('child_process');
const { adminClient } = require('./lib/admin');
const { bulkDocumentId, listPaths, readCases, singlePaths } = require('./lib/cases');
const { runLoad } = require('./lib/load');
const { newSecret, startPortalReceiver } = require('./lib/portal-receiver');
const { coverageLatency, feedbackIntake, publishLatency, staleness } = require('./lib/probes');
const { cpuSeconds, freePort, settled, startProcess } = require('./lib/processes');
const { goal, previousRun, writeReport } = require('./lib/report');

const APP_DIR = path.resolve(__dirname, '../..');
/** The groups of cases a run can be limited to with BENCH_CASES (comma-separated; all by default). */
const CASE_GROUPS = ['reads', 'coverage', 'intake', 'publish', 'staleness'];
function parseCases(value) {
  if (!value || value.trim() === '' || value.trim() === 'all') return new Set(CASE_GROUPS);
  const asked = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = asked.filter((name) => !CASE_GROUPS.includes(name));
  if (unknown.length) {
    console.error(`[bench] BENCH_CASES: unknown case group(s) ${unknown.join(', ')}; known: ${CASE_GROUPS.join(', ')}`);
    process.exit(2);
  }
  return new Set(asked);
}
const settings = {
  policies: Number(process.env.BENCH_POLICIES ?? 10_000),
  seconds: Number(process.env.BENCH_DURATION ?? 15),
  warmupSeconds: Number(process.env.BENCH_WARMUP ?? 3),
  serverUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  publishes: Number(process.env.BENCH_PUBLISHES ?? 20),
  // Feedback rows for the coverage case (default 10 per policy: 1,000,000 at the 100,000-policy scale run).
  feedback: Number(process.env.BENCH_FEEDBACK ?? 10 * Number(process.env.BENCH_POLICIES ?? 10_000)),
  coverageRounds: Number(process.env.BENCH_COVERAGE_ROUNDS ?? 5),
  stalenessRounds: Number(process.env.BENCH_STALENESS_ROUNDS ?? 5),
  keepDatabase: process.env.BENCH_KEEP_DATABASE === 'true',
  cases: parseCases(process.env.BENCH_CASES),
  append: process.env.BENCH_APPEND !== 'false',
};
const ADMIN = { email: 'bench-admin@bench.invalid', password: `Bench-${crypto.randomBytes(9).toString('base64url')}1!` };
const errors = [];
const log = (message) => console.log(`[bench] ${message}`);

/** Runs one step; a failure is recorded (the run goes on and exits non-zero) and yields `fallback`. */
const step = async (name, fn, fallback = null) => {
  log(name);
  try {
    return await fn();
  } catch (error) {
    errors.push(`${name}: ${error.message.split('\n')[0]}`);
    console.error(`[bench] ${name} failed:`, error);
    return fallback;
  }
};

const databaseUrl = (name) => {
  const url = new URL(settings.serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};
const onServer = async (sql) => {
  const client = new Client({ connectionString: settings.serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/**
 * The app's environment, built from nothing: production, this run's database and random secrets,
 * 127.0.0.1 only, behind a "proxy" (PROXY=true), and no variable of an outside service except the
 * local portal receiver. Nothing is inherited but PATH and HOME.
 */
const appEnvironment = ({ database, secrets, portal }) => (port, extra = {}) => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: 'production',
  ENV_PATH: '/dev/null',
  STRAPI_TELEMETRY_DISABLED: 'true',
  LOG_LEVEL: 'error',
  STARTUP_BANNER: 'false',
  HOST: '127.0.0.1',
  PORT: String(port),
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  PROXY: 'true',
  DATABASE_CLIENT: 'postgres',
  DATABASE_URL: databaseUrl(database),
  SEED_ADMIN_EMAIL: ADMIN.email,
  SEED_ADMIN_PASSWORD: ADMIN.password,
  PORTAL_WEBHOOK_URL: portal.url,
  PORTAL_WEBHOOK_SECRET: portal.secret,
  ...secrets,
  ...extra,
});

const randomSecrets = () => {
  const secret = () => crypto.randomBytes(24).toString('base64');
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
};

/** Starts app.js (or baseline.js) on a free port; returns the process handle with its base URL. */
const startServer = async (label, script, env, nodeArgs = []) => {
  const port = await freePort();
  const handle = await startProcess(label, path.join(__dirname, script), env(port), { nodeArgs });
  return Object.assign(handle, { url: `http://127.0.0.1:${port}` });
};

/** Warns when the app and the baseline do not answer the same JSON for the same URL. */
const compareShapes = async (app, baseline) => {
  for (const url of [listPaths()[0], singlePaths(settings.policies)[0]]) {
    const [a, b] = await Promise.all([app.url, baseline.url].map(async (base) => (await fetch(`${base}${url}`)).text()));
    if (a !== b) {
      const keys = (text) => Object.keys(JSON.parse(text).data?.[0] ?? JSON.parse(text).data ?? {}).join(',');
      console.warn(`[bench] WARNING: the baseline's answer differs from the app's for ${url}\n  app keys:      ${keys(a)}\n  baseline keys: ${keys(b)}`);
    } else log(`same JSON from app and baseline: ${url.split('?')[0]}`);
  }
};

/**
 * How many of a case's GET requests this node answers from its read cache right after the case
 * (`X-Read-Cache: hit`): a warm case far below the plain server with few hits means the cache was
 * cleared or refused answers during the case, not that a hit is slow.
 */
const cacheHits = async (baseUrl, requests) => {
  const gets = requests.filter((request) => request.method === 'GET');
  const answers = await Promise.all(gets.map(async (request) => (await fetch(`${baseUrl}${request.path}`, { headers: request.headers })).headers.get('x-read-cache')));
  const seen = answers.filter(Boolean);
  return seen.length ? `read cache ${seen.filter((value) => value === 'hit').length}/${seen.length} hits after the case` : '';
};

/** One read case on one server: a table row (or n/a). */
const readRow = async (server, kase, { warmup, baselineRows }) => {
  const row = { name: kase.name, server: server.label, key: `${server.label}:${kase.name}` };
  if (kase.optional && (await fetch(`${server.url}${kase.optional}`)).status === 404) return { ...row, notes: 'n/a (404: route not there yet)' };
  const requests = await kase.build(server.url);
  const result = await runLoad({ baseUrl: server.url, requests, seconds: settings.seconds, warmupSeconds: warmup ? settings.warmupSeconds : 0, expected: kase.expected });
  if (result.unexpected > 0) errors.push(`${kase.name} on ${server.label}: unexpected answers ${JSON.stringify(result.byStatus)}`);
  const plain = baselineRows[kase.expected?.includes(304) ? 'single + populate' : kase.name];
  const hits = server.label === 'plain' ? '' : await cacheHits(server.url, requests);
  return {
    ...row,
    rps: result.rps,
    p50: result.p50,
    p99: result.p99,
    ratio: plain?.rps && server.label !== 'plain' ? result.rps / plain.rps : null,
    rss: server.peakRssMb(),
    notes: [result.unexpected > 0 ? `unexpected: ${JSON.stringify(result.byStatus)}` : result.rps === 0 ? 'no answer completed within the case' : '', hits].filter(Boolean).join('; '),
  };
};

/** What the product promises for a read row, as a goal cell. */
const readGoal = (row) => {
  if (row.ratio == null) return row;
  const target = row.server === 'app cold' ? 0.5 : { 'list 25 + populate': 2.0, 'single + populate': 1.0, 'single If-None-Match': 1.0 }[row.name];
  return target ? { ...row, goal: goal(`≥ ${target.toFixed(1)}×`, row.ratio >= target) } : row;
};

const latencyRow = (name, server, stats, goalText, met, notes) => ({
  name,
  server,
  p50: stats?.p50,
  p99: stats?.p99,
  goal: stats ? goal(goalText, met) : undefined,
  notes: stats ? `p95 ${stats.p95.toFixed(0)} ms, max ${stats.max.toFixed(0)} ms over ${stats.count}${notes ? `; ${notes}` : ''}` : 'failed',
});

/** 100k vs 10k: a larger run's reads (warm and cold) against the latest 10,000-policy run of this machine. */
const scaleRows = (rows) => {
  if (settings.policies <= 10_000) return [];
  const reference = previousRun(10_000);
  if (!reference) return [{ name: `scale ${settings.policies} vs 10,000`, server: 'app warm', notes: 'no 10,000-policy run of this machine in BENCHMARKS.md to compare with' }];
  return ['app warm', 'app cold'].flatMap((server) =>
    ['list 25 + populate', 'single + populate'].map((name) => {
      const now = rows.find((row) => row.key === `${server}:${name}`)?.rps;
      const before = reference.rps[`${server}:${name}`];
      const slower = now && before ? before / now : null;
      const change = slower === null ? 'n/a' : slower >= 1 ? `${slower.toFixed(2)}× slower` : `${(1 / slower).toFixed(2)}× faster`;
      return { name: `scale: ${name}`, server, rps: now, goal: slower ? goal('≤ 2× slower', slower <= 2) : undefined, notes: slower ? `${change} than at 10,000 (${before.toFixed(0)} req/s)` : 'n/a' };
    }),
  );
};

/**
 * Compiles the app in a child process. In this process the TypeScript compile left a heap of ~800 MB
 * behind, and this process is also the load generator: its garbage collection then slowed autocannon
 * down and the intake measured 262–269 accepted/s instead of 319–329 (same code, runs minutes apart).
 */
const compileApp = () =>
  new Promise((resolve, reject) => {
    const script = "require('@strapi/strapi').compileStrapi({ appDir: process.argv[1], ignoreDiagnostics: true }).then(() => process.exit(0), (error) => { console.error(error); process.exit(1); })";
    const child = execFile(process.execPath, ['-e', script, APP_DIR], { cwd: APP_DIR }, (error) => (error ? reject(error) : resolve()));
    child.stdout.pipe(process.stdout);
    child.stderr.pipe(process.stderr);
  });

const main = async () => {
  const started = Date.now();
  const database = `bench_${new Date().toISOString().slice(0, 19).replace(/\D/g, '')}_${crypto.randomBytes(2).toString('hex')}`;
  const processes = [];
  const rows = [];
  let summary = 'not loaded';
  let receiver;
  try {
    if (process.env.BENCH_SKIP_COMPILE !== 'true') await step('compile the app (tsc → dist/, in a child process)', compileApp);
    await onServer(`CREATE DATABASE "${database}"`);
    log(`database ${database} on ${new URL(settings.serverUrl).host}`);
    const secret = newSecret();
    receiver = await startPortalReceiver(secret);
    const env = appEnvironment({ database, secrets: randomSecrets(), portal: { url: receiver.url, secret } });

    const seeded = await step(`create the schema and load ${settings.policies} policies`, async () => {
      const setup = await startProcess('setup', path.join(__dirname, 'app-node.js'), { ...env(await freePort()), BENCH_SETUP: 'true', BENCH_POLICIES: String(settings.policies), BENCH_FEEDBACK: String(settings.cases.has('coverage') ? settings.feedback : 0) }, { until: 'SEEDED', timeoutMs: 3_600_000 });
      await setup.exited;
      return JSON.parse(setup.line);
    });
    if (!seeded) throw new Error('no data to measure');
    summary = `${seeded.seconds.toFixed(1)} s (SQL ${seeded.sqlSeconds.toFixed(1)} s)${seeded.radioScriptsMatchCatchUp ? '' : ', WARNING: radio catch-up regenerates scripts'}`;

    const wants = (group) => settings.cases.has(group);
    const reads = wants('reads');
    log(`cases: ${[...settings.cases].join(', ')}`);
    // BENCH_CPU_PROF=<dir>: each app node writes a V8 CPU profile of its serving time (from READY to its stop, boot
    // excluded) to <dir>/<label>.cpuprofile (scripts/bench/profile-summary.js reads it).
    const profiled = (label, extra = {}) => (port) => env(port, { ...extra, ...(process.env.BENCH_CPU_PROF ? { BENCH_CPU_PROF: path.resolve(process.env.BENCH_CPU_PROF), BENCH_NODE_LABEL: label.replace(/\s+/g, '-') } : {}) });
    log(`start app warm (node A)${wants('staleness') ? ', app node B' : ''}${reads ? ', app cold (READ_CACHE_ENABLED=false) and the plain baseline' : wants('coverage') ? ', app cold (READ_CACHE_ENABLED=false)' : ''}`);
    const [warm, nodeB, cold, plain] = await Promise.all([
      startServer('app warm', 'app-node.js', profiled('app warm')),
      wants('staleness') ? startServer('app node B', 'app-node.js', profiled('app node B')) : null,
      reads || wants('coverage') ? startServer('app cold', 'app-node.js', profiled('app cold', { READ_CACHE_ENABLED: 'false' })) : null,
      reads ? startServer('plain', 'baseline.js', (port) => ({ PATH: process.env.PATH, PORT: String(port), BASELINE_DATABASE_URL: databaseUrl(database) })) : null,
    ]);
    processes.push(...[warm, nodeB, cold, plain].filter(Boolean));
    await step('wait until the app nodes have finished their own boot-time work', () => settled([warm, nodeB, cold].filter(Boolean)));
    if (reads) await step('compare the app and baseline answers', () => compareShapes(warm, plain));

    const baselineRows = {};
    for (const server of reads ? [plain, warm, cold] : []) {
      for (const kase of readCases(settings.policies)) {
        if (kase.appOnly && server === plain) continue;
        const row = await step(`${kase.name} on ${server.label}`, () => readRow(server, kase, { warmup: server !== cold, baselineRows }), { name: kase.name, server: server.label, notes: 'failed' });
        if (server === plain) baselineRows[kase.name] = row;
        rows.push(readGoal(row));
      }
    }

    // The cases before may leave requests still being served (a cold GraphQL list takes seconds): a latency case
    // measured on a busy machine measures the backlog.
    const idle = () => step('wait until the app nodes are idle again', () => settled([warm, nodeB, cold].filter(Boolean)));
    if (wants('coverage')) {
      await idle();
      const coverage = await step(`coverage KPIs (${settings.coverageRounds} × GET /api/coverage, no read cache)`, () => coverageLatency({ baseUrl: cold.url, rounds: settings.coverageRounds }));
      rows.push(
        latencyRow(
          'coverage KPIs',
          'app cold',
          coverage,
          'max ≤ 2000 ms',
          coverage?.max <= 2000,
          coverage && `${settings.policies} policies, ${settings.feedback} feedback rows; ${coverage.figures.inScope} in scope, ${coverage.figures.received} received in the year`,
        ),
      );
    }

    if (wants('intake')) {
      await idle();
      const loadBefore = os.loadavg()[0];
      const cpuBefore = cpuSeconds(warm.pid);
      const intake = await step('feedback intake', () => feedbackIntake({ baseUrl: warm.url, policyDocumentId: bulkDocumentId(1), seconds: settings.seconds }));
      // CPU the app process spent per accepted request: steadier than req/s when other work shares the machine.
      const accepted = intake ? intake.okPerSecond * settings.seconds : 0;
      const cpuPerRequest = accepted ? ((cpuSeconds(warm.pid) - cpuBefore) * 1000) / accepted : null;
      rows.push({
        name: 'feedback intake (accepted/s)',
        server: 'app warm',
        rps: intake?.okPerSecond,
        p50: intake?.p50,
        p99: intake?.p99,
        goal: intake ? goal('≥ 300/s', intake.okPerSecond >= 300) : undefined,
        rss: warm.peakRssMb(),
        notes: intake ? `answers ${JSON.stringify(intake.byStatus)}, one client address per request, PROXY=true; app CPU ${cpuPerRequest?.toFixed(1) ?? '—'} ms per accepted request; load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after (1 min)` : 'failed',
      });
      if (intake?.unexpected) errors.push(`feedback intake: unexpected answers ${JSON.stringify(intake.byStatus)}`);
    }

    const admin = wants('publish') || wants('staleness') ? await step('admin login', () => adminClient(warm.url, ADMIN)) : null;
    if (admin && wants('publish')) {
      const latency = await step(`publish → portal delivery (${settings.publishes} publishes)`, () => publishLatency({ admin, receiver, count: settings.publishes }));
      rows.push(latencyRow('publish → portal delivery', 'app warm', latency, 'p95 ≤ 1000 ms', latency?.p95 <= 1000, 'local receiver'));
    }
    if (admin && wants('staleness')) {
      const stale = await step(`staleness A → B (${settings.stalenessRounds} × publish, edit, unpublish)`, () => staleness({ admin, readerUrl: nodeB.url, rounds: settings.stalenessRounds }));
      rows.push(latencyRow('staleness A → B', 'app node B', stale?.all, 'max ≤ 1000 ms', stale?.all.max <= 1000, stale && Object.entries(stale.byChange).map(([kind, s]) => `${kind} p95 ${s.p95.toFixed(0)}`).join(', ')));
    }
    if (reads) rows.push(...scaleRows(rows));
  } catch (error) {
    errors.push(error.message.split('\n')[0]);
    console.error(error);
  } finally {
    await Promise.all(processes.map((handle) => handle.stop()));
    await receiver?.close();
    if (!settings.keepDatabase) await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch((error) => errors.push(`drop database: ${error.message}`));
  }
  const cases = settings.cases.size === CASE_GROUPS.length ? null : [...settings.cases];
  writeReport({ rows, policies: settings.policies, seconds: settings.seconds, summary, errors, cases, append: settings.append });
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s${errors.length ? ` with ${errors.length} error(s)` : ''}`);
  process.exit(errors.length ? 1 : 0);
};

main();
