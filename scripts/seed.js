#!/usr/bin/env node
// `npm run seed`: compiles the app, boots it without serving HTTP, loads the demo data (idempotent), exits.
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const main = async () => {
  const appContext = await compileStrapi();
  const app = await createStrapi({ ...appContext, autoReload: false, serveAdminPanel: false }).load();
  try {
    const { seedDemo } = require(path.join(appContext.distDir, 'src', 'seed'));
    const created = await seedDemo(app);
    app.log.info(`[seed] created: ${JSON.stringify(created)} (0 everywhere means the demo was already there)`);
  } finally {
    await app.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
