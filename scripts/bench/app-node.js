// One app process for the benchmark: boots the compiled app from dist/ (no admin panel bundle) with the
// environment the runner gives it and listens on PORT. With BENCH_SETUP=true it instead loads the demo
// data and the bulk policies (./bulk-seed.js) into its database, prints SEEDED, and exits.
/* eslint-disable no-console */
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
  process.stdout.write(`READY ${process.env.PORT}\n`);
  process.once('SIGTERM', () => {
    app.destroy().finally(() => process.exit(0));
  });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
