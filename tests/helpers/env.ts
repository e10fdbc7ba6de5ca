import path from 'path';

export const APP_DIR = path.resolve(__dirname, '../..');

/** Deterministic, non-example secrets and quiet logs: tests never read a developer's `.env`. */
export const applyTestEnv = (): void => {
  process.env.NODE_ENV = 'test';
  process.env.ENV_PATH = path.join(APP_DIR, 'tests/helpers/test.env');
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.LOG_LEVEL ??= 'warn';
  process.env.DATABASE_CLIENT ??= 'sqlite';
  process.env.SEED_DEMO ??= 'false';
  process.env.APP_KEYS = 'testKeyA,testKeyB';
  process.env.API_TOKEN_SALT = 'test-api-token-salt';
  process.env.ADMIN_JWT_SECRET = 'test-admin-jwt-secret';
  process.env.TRANSFER_TOKEN_SALT = 'test-transfer-token-salt';
  process.env.JWT_SECRET = 'test-jwt-secret';
  process.env.ENCRYPTION_KEY = 'test-encryption-key';
};
