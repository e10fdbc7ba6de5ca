import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';

export type TestDatabase = { name: string; drop: () => Promise<void> };

const adminUrl = () => {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url.toString();
};

const withAdminClient = async <T>(fn: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/**
 * A fresh, empty database for one test file: a SQLite temp file by default, or a new PostgreSQL
 * database on the server of `DATABASE_URL` when `DATABASE_CLIENT=postgres`. Sets the env vars the
 * app's `config/database.ts` reads.
 */
export const createTestDatabase = async (label = 'test'): Promise<TestDatabase> => {
  const suffix = `${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  if (process.env.DATABASE_CLIENT === 'postgres') {
    const name = `pcms_${suffix}`.slice(0, 63);
    await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
    process.env.DATABASE_NAME = name;
    return {
      name,
      drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
    };
  }
  const file = path.join(os.tmpdir(), `pcms-${suffix}.db`);
  process.env.DATABASE_FILENAME = file;
  return {
    name: file,
    drop: async () => {
      for (const extra of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${extra}`, { force: true });
    },
  };
};

/** Reuses an existing database (a second app node, or a restart) by pointing the env vars at it. */
export const useTestDatabase = (database: TestDatabase): void => {
  if (process.env.DATABASE_CLIENT === 'postgres') process.env.DATABASE_NAME = database.name;
  else process.env.DATABASE_FILENAME = database.name;
};
