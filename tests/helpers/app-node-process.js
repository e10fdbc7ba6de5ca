// A separate app process for tests that need a second node or a node they can kill: boots the
// compiled app from dist/ with the environment it is given (the parent passes the test database
// and settings), optionally publishes a policy, prints READY, and runs until killed. With
// APP_NODE_HTTP=true it also serves HTTP on 127.0.0.1 (a free port) and prints LISTENING <port>.
/* eslint-disable no-console */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const APP_DIR = path.resolve(__dirname, '../..');

const main = async () => {
  const app = createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist'), autoReload: false, serveAdminPanel: false });
  await app.load();
  process.stdout.write('READY\n');
  if (process.env.APP_NODE_HTTP === 'true') {
    app.config.set('server.host', '127.0.0.1');
    app.config.set('server.port', 0);
    await app.listen();
    process.stdout.write(`LISTENING ${app.server.httpServer.address().port}\n`);
  }
  if (process.env.APP_NODE_PUBLISH_TITLE) {
    const policies = app.documents('api::policy.policy');
    const doc = await policies.create({ data: { title: process.env.APP_NODE_PUBLISH_TITLE, summary: 'Được xuất bản từ một nút khác.' }, locale: 'vi' });
    await policies.publish({ documentId: doc.documentId, locale: 'vi' });
    process.stdout.write(`PUBLISHED ${doc.documentId}\n`);
  }
  const keepAlive = setInterval(() => {}, 60_000);
  process.once('SIGTERM', () => {
    clearInterval(keepAlive);
    app.destroy().finally(() => process.exit(0));
  });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
