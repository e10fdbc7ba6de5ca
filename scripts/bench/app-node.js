// One app process for the benchmark: boots the compiled app from dist/ (no admin panel bundle) with the
// environment the runner gives it and listens on PORT. With BENCH_SETUP=true it instead loads the demo
// data and the bulk policies (./bulk-seed.js) into its database, prints SEEDED, and exits.
/* eslint-disable no-console */
const fs = require('fs');
const inspector = require('inspector');
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const APP_DIR = path.resolve(__dirname, '../..');
const DIST_DIR = path.join(APP_DIR, 'dist');

const setup = async (app) => {
  const { seedDemo } = require(path.join(DIST_DIR, 'src', 'seed'));
  const { runTrusted } = require(path.join(DIST_DIR, 'src', 'lib', 'trusted'));
  const { bulkSeed } = require('./bulk-seed');
  await seedDemo(app);
  const summary = await bulkSeed(app, { policies: Number(process.env.BENCH_POLICIES), feedback: Number(process.env.BENCH_FEEDBACK ?? 0), runTrusted });
  process.stdout.write(`SEEDED ${JSON.stringify(summary)}\n`);
};

/**
 * BENCH_CPU_PROF=<dir>: a V8 CPU profile of the serving time only (from READY to SIGTERM, the boot left out, which
 * would otherwise dominate a short case), written to <dir>/<BENCH_NODE_LABEL>.cpuprofile.
 */
const startProfile = async () => {
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop');
    const dir = process.env.BENCH_CPU_PROF;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${process.env.BENCH_NODE_LABEL ?? `app-${process.pid}`}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
};

const main = async () => {
  const app = createStrapi({ appDir: APP_DIR, distDir: DIST_DIR, autoReload: false, serveAdminPanel: false });
  await app.load();
  if (process.env.BENCH_SETUP === 'true') {
    try {
      await setup(app);
    } finally {
      await app.destroy();
    }
    process.exit(0);
  }
  await app.listen();
  const stopProfile = process.env.BENCH_CPU_PROF ? await startProfile() : null;
  process.stdout.write(`READY ${process.env.PORT}\n`);
  process.once('SIGTERM', () => {
    Promise.resolve(stopProfile?.())
      .then(() => app.destroy())
      .finally(() => process.exit(0));
  });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
