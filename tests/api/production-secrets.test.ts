import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import dotenv from 'dotenv';
import { APP_DIR } from '../helpers/env';

const example = dotenv.parse(fs.readFileSync(path.join(APP_DIR, '.env.example')));

const REAL_SECRETS = {
  APP_KEYS: 'k1-9f8e7d,k2-6c5b4a',
  API_TOKEN_SALT: 'salt-3e1f0a9b',
  ADMIN_JWT_SECRET: 'admin-jwt-5d2c7e',
  TRANSFER_TOKEN_SALT: 'transfer-8a4b1c',
  JWT_SECRET: 'jwt-0f3e2d',
  ENCRYPTION_KEY: 'enc-7b6a5c',
};

/** Runs `strapi start` (the production entry point, from the compiled dist) and collects what it prints. */
const startInProduction = (env: Record<string, string | undefined>) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(path.join(APP_DIR, 'node_modules/.bin/strapi'), ['start'], {
      cwd: APP_DIR,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'production',
        ENV_PATH: path.join(APP_DIR, 'tests/helpers/test.env'),
        STRAPI_TELEMETRY_DISABLED: 'true',
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: path.join(os.tmpdir(), `pcms-prod-${process.pid}.db`),
        PORT: '0',
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });

describe('production refuses to start with unsafe secrets', () => {
  it('names a missing secret and exits with an error', async () => {
    const { code, output } = await startInProduction({ ...REAL_SECRETS, ADMIN_JWT_SECRET: undefined });
    expect(code).not.toBe(0);
    expect(output).toContain('Missing required secret ADMIN_JWT_SECRET');
  });

  it('names a secret still holding its example value', async () => {
    const { code, output } = await startInProduction({ ...REAL_SECRETS, JWT_SECRET: example.JWT_SECRET });
    expect(code).not.toBe(0);
    expect(output).toContain('secret JWT_SECRET still has its example value');
  });

  it('catches an example key hidden among the APP_KEYS', async () => {
    const { code, output } = await startInProduction({ ...REAL_SECRETS, APP_KEYS: `fresh-key,${example.APP_KEYS.split(',')[0]}` });
    expect(code).not.toBe(0);
    expect(output).toContain('secret APP_KEYS still has its example value');
  });
});
