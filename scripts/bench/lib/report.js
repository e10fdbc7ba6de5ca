// The run's one table: printed, and appended to BENCHMARKS.md with the date, the machine and N.
const fs = require('fs');
const os = require('os');
const path = require('path');

const FILE = path.resolve(__dirname, '../../../BENCHMARKS.md');
const HEADER = `# Benchmarks

Appended by \`npm run bench\` (see README › Benchmarks), newest last. Each run is one table made on one machine in
one go: the app (\`NODE_ENV=production\`, PostgreSQL) and the plain \`node:http\` + \`pg\` baseline serve the same
JSON for the same URLs from the same database, loaded by autocannon with 20 connections.

How to read a table: **req/s** is the mean over the case's duration; **p50 / p99** are latencies in ms; **× plain** is
the app's req/s divided by the baseline's for the same case (for \`If-None-Match\`, by the baseline's plain single
read, which is what a 304 competes with); **goal** says what the product promises and whether this run met it (✅ / ❌);
**peak RSS** is the serving process's VmHWM at the end of the case. *warm* = the app after a warm-up with its read
cache on (the default); *cold* = another app process with \`READ_CACHE_ENABLED=false\`. Numbers from a 2-core
development machine are noisy: compare runs from the same machine, and look at ratios before absolute values.
`;

const fmt = (value, digits = 0) => (value === null || value === undefined || Number.isNaN(value) ? '—' : Number(value).toFixed(digits));

/** The markdown table of `rows` ({ name, server, rps, p50, p99, ratio, goal, rss, notes }). */
const table = (rows) => {
  const lines = ['| case | server | req/s | p50 ms | p99 ms | × plain | goal | peak RSS MB | notes |', '|---|---|---:|---:|---:|---:|---|---:|---|'];
  for (const row of rows) {
    lines.push(`| ${row.name} | ${row.server} | ${fmt(row.rps)} | ${fmt(row.p50, row.p50 < 10 ? 1 : 0)} | ${fmt(row.p99, row.p99 < 10 ? 1 : 0)} | ${row.ratio == null ? '—' : `${row.ratio.toFixed(2)}×`} | ${row.goal ?? ''} | ${row.rss ?? '—'} | ${row.notes ?? ''} |`);
  }
  return lines.join('\n');
};

/** "≥ 2.0× ✅" style goal cell. */
const goal = (text, met) => `${text} ${met ? '✅' : '❌'}`;

const machine = () => {
  const cpus = os.cpus();
  return `${cpus[0]?.model?.trim() ?? 'unknown CPU'} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}, Node ${process.version}`;
};

/** The latest earlier run with `policies` documents on this machine, from the JSON line each entry carries. */
const previousRun = (policies) => {
  if (!fs.existsSync(FILE)) return null;
  const runs = [...fs.readFileSync(FILE, 'utf8').matchAll(/<!-- bench-run (.*) -->/g)].map((match) => JSON.parse(match[1]));
  return runs.filter((run) => run.policies === policies && run.machine === machine()).pop() ?? null;
};

/** Prints the table and appends it (with a machine-readable line for later comparisons) to BENCHMARKS.md. */
const writeReport = ({ rows, policies, seconds, summary, errors, cases = null, append = true }) => {
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16);
  const title = `## ${date} UTC — N = ${policies.toLocaleString('en-US')} policies, ${seconds} s per case${cases ? ` (only: ${cases.join(', ')})` : ''}`;
  const load = os.loadavg().map((value) => value.toFixed(1)).join(' / ');
  const facts = `${machine()}; PostgreSQL on 127.0.0.1; seed ${summary}; load average at the end ${load} (1 / 5 / 15 min: above the core count, other work shared the CPU).`;
  const failures = errors.length ? `\n\n**Errors** (the run exited non-zero):\n${errors.map((error) => `- ${error}`).join('\n')}` : '';
  const entry = `${title}\n\n${facts}\n\n${table(rows)}${failures}\n`;
  const data = { policies, machine: machine(), rps: Object.fromEntries(rows.filter((row) => row.key).map((row) => [row.key, row.rps])) };
  process.stdout.write(`\n${entry}\n`);
  if (!append) {
    process.stdout.write('not appended to BENCHMARKS.md (BENCH_APPEND=false)\n');
    return;
  }
  const existing = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : HEADER;
  fs.writeFileSync(FILE, `${existing.trimEnd()}\n\n${entry}<!-- bench-run ${JSON.stringify(data)} -->\n`);
  process.stdout.write(`appended to ${FILE}\n`);
};

module.exports = { goal, previousRun, writeReport };
