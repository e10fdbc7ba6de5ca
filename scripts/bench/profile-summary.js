// Where a V8 CPU profile (node --cpu-prof, e.g. BENCH_CPU_PROF=<dir> npm run bench) spent its time:
// self time grouped by package (node_modules/<name>), by the app's own files (dist/...), and by
// function, the top entries of each. Usage: node scripts/bench/profile-summary.js <file.cpuprofile> [top]
/* eslint-disable no-console */
const fs = require('fs');

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/bench/profile-summary.js <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));

// Self time per node: samples × the interval between them.
const selfMs = new Map();
for (let i = 0; i < profile.samples.length; i += 1) {
  const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + delta);
}

const owner = (url) => {
  if (!url) return '(native / V8)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node core';
  const app = url.indexOf('/dist/');
  return app >= 0 ? `app: ${url.slice(app + 1)}` : url;
};

const byOwner = new Map();
const byFunction = new Map();
let total = 0;
for (const node of profile.nodes) {
  const ms = selfMs.get(node.id) ?? 0;
  if (ms === 0) continue;
  total += ms;
  const { functionName, url, lineNumber } = node.callFrame;
  const who = owner(url);
  byOwner.set(who, (byOwner.get(who) ?? 0) + ms);
  const name = `${functionName || '(anonymous)'} ${who}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
}

const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * ms) / total).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
};
console.log(`${file}: ${(total / 1000).toFixed(1)} s of samples`);
print('self time by package / app file', byOwner);
print('self time by function', byFunction);
