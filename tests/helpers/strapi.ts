import fs from 'fs';
import os from 'os';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
import request from 'supertest';
import { APP_DIR, applyTestEnv } from './env';
import { createTestDatabase, useTestDatabase, type TestDatabase } from './database';

export type TestApp = {
  strapi: Core.Strapi;
  database: TestDatabase;
  http: () => ReturnType<typeof request>;
  /** Stops this app instance; `keepDatabase` leaves the database for a restart or another node. */
  stop: (options?: { keepDatabase?: boolean }) => Promise<void>;
};

/** Boots the compiled app (see global-setup) on `database` and mounts its HTTP server without listening. */
export const bootStrapi = async (database: TestDatabase, env: Record<string, string | undefined> = {}): Promise<Core.Strapi> => {
  applyTestEnv();
  useTestDatabase(database);
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const app = createStrapi({
    appDir: APP_DIR,
    distDir: path.join(APP_DIR, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  await app.load();
  await app.server.mount();
  return app;
};

/** One booted app on a fresh database: call in `beforeAll`, and `stop()` in `afterAll`. */
export const startTestApp = async (
  label: string,
  env: Record<string, string | undefined> = {},
): Promise<TestApp> => {
  applyTestEnv();
  const database = await createTestDatabase(label);
  // Uploads (e.g. rendered radio audio) go to a temp public folder, never into the repository.
  const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), `pcms-public-${label}-`));
  fs.mkdirSync(path.join(publicDir, 'uploads'));
  const strapi = await bootStrapi(database, { PUBLIC_DIR: publicDir, ...env });
  return {
    strapi,
    database,
    http: () => request(strapi.server.httpServer),
    stop: async ({ keepDatabase = false } = {}) => {
      await strapi.destroy();
      if (!keepDatabase) {
        await database.drop();
        fs.rmSync(publicDir, { recursive: true, force: true });
      }
    },
  };
};

/** Stops `app` keeping its database and boots the app again on it (what an upgrade or a restart does). */
export const restartTestApp = async (app: TestApp, env: Record<string, string | undefined> = {}): Promise<TestApp> => {
  await app.stop({ keepDatabase: true });
  const strapi = await bootStrapi(app.database, env);
  const { database } = app;
  return {
    strapi,
    database,
    http: () => request(strapi.server.httpServer),
    stop: async ({ keepDatabase = false } = {}) => {
      await strapi.destroy();
      if (!keepDatabase) await database.drop();
    },
  };
};
