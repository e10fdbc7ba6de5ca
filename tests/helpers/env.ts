import path from 'path';

export const APP_DIR = path.resolve(__dirname, '../..');

/**
 * Prefixes of every variable that points the app at an outside service (channels, e-mail, SMS, object
 * storage, speech). A developer's shell may hold real ones: a test must never send anything with them,
 * so they are removed before each boot and a test sets only what its local fakes need.
 */
export const EXTERNAL_SERVICE_PREFIXES = ['ZALO_', 'PORTAL_', 'SOURCE_SYSTEM_', 'FACEBOOK_', 'SMTP_', 'TTS_', 'SPEECH_', 'EMAIL_', 'SMS_', 'S3_', 'AWS_'] as const;

/** Removes every variable named by {@link EXTERNAL_SERVICE_PREFIXES} from `env`. */
export const clearExternalServiceEnv = (env: NodeJS.ProcessEnv = process.env): void => {
  for (const name of Object.keys(env)) {
    if (EXTERNAL_SERVICE_PREFIXES.some((prefix) => name.toUpperCase().startsWith(prefix))) delete env[name];
  }
};

/** Deterministic, non-example secrets, quiet logs and no outside service: tests never read a developer's `.env`. */
export const applyTestEnv = (): void => {
  clearExternalServiceEnv();
  process.env.NODE_ENV = 'test';
  process.env.ENV_PATH = path.join(APP_DIR, 'tests/helpers/test.env');
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.LOG_LEVEL ??= 'warn';
  process.env.DATABASE_CLIENT ??= 'sqlite';
  process.env.SEED_DEMO ??= 'false';
  // Suites about the rest of the product use unscoped editorial roles (their documents belong to no agency);
  // the agency-access suites boot with 'true', the product's default (tests/api/agency-access.test.ts).
  process.env.AGENCY_SCOPED_ROLES = 'false';
  // Suites about the rest of the product create short consultation windows; tests/api/consultation-window.test.ts
  // boots with the product's default (20 days).
  process.env.CONSULTATION_MIN_DAYS = '0';
  // The product's schedule of the overdue digest (tests/api/notifications-digest.test.ts checks it).
  delete process.env.FEEDBACK_OVERDUE_DIGEST_CRON;
  process.env.APP_KEYS = 'testKeyA,testKeyB';
  process.env.API_TOKEN_SALT = 'test-api-token-salt';
  process.env.ADMIN_JWT_SECRET = 'test-admin-jwt-secret';
  process.env.TRANSFER_TOKEN_SALT = 'test-transfer-token-salt';
  process.env.JWT_SECRET = 'test-jwt-secret';
  process.env.ENCRYPTION_KEY = 'test-encryption-key';
};
