import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { APP_DIR, applyTestEnv } from '../helpers/env';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * The built app with its admin panel, listening on 127.0.0.1 on a free port, on a fresh database.
 * Uploads (and rendered audio) go to a temporary public folder, never into the repository's
 * public/uploads, unless the test brings its own `PUBLIC_DIR`.
 */
export const serveApp = async (
  label: string,
  env: Record<string, string>,
): Promise<{ strapi: Core.Strapi; baseUrl: string; database: TestDatabase; stop: () => Promise<void> }> => {
  applyTestEnv();
  const database = await createTestDatabase(label);
  const port = await freePort();
  const ownPublicDir = env.PUBLIC_DIR ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), `pcms-public-${label}-`));
  if (ownPublicDir) fs.mkdirSync(path.join(ownPublicDir, 'uploads'));
  Object.assign(process.env, ownPublicDir ? { PUBLIC_DIR: ownPublicDir } : {}, env, { HOST: '127.0.0.1', PORT: String(port), STARTUP_BANNER: 'false', CRON_ENABLED: 'false' });
  const strapi = createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist'), autoReload: false, serveAdminPanel: true });
  await strapi.load();
  await strapi.listen();
  return {
    strapi,
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    stop: async () => {
      await strapi.destroy();
      await database.drop();
      if (ownPublicDir) fs.rmSync(ownPublicDir, { recursive: true, force: true });
    },
  };
};
