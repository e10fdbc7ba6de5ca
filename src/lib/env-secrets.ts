import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import dotenv from 'dotenv';

/** Variables that must hold real secrets; production refuses to start without them. */
export const SECRET_VARIABLES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

export type SecretVariable = (typeof SECRET_VARIABLES)[number];

type EnvReader = (name: string, fallback?: string) => string | undefined;

const appDir = () => process.cwd();

const readExampleValues = (): Record<string, string> => {
  const file = path.join(appDir(), '.env.example');
  return fs.existsSync(file) ? dotenv.parse(fs.readFileSync(file)) : {};
};

const randomSecret = () => crypto.randomBytes(24).toString('base64');

const generateValue = (name: string) =>
  name === 'APP_KEYS' ? Array.from({ length: 4 }, randomSecret).join(',') : randomSecret();

/**
 * In development, creates `.env` from `.env.example` with fresh random secrets when there is none,
 * and loads the secrets into `process.env`, so a fresh clone runs without a hand-written `.env`.
 */
export const ensureDevelopmentEnv = (): void => {
  const envFile = path.join(appDir(), '.env');
  if (!fs.existsSync(envFile)) {
    const exampleFile = path.join(appDir(), '.env.example');
    const template = fs.existsSync(exampleFile) ? fs.readFileSync(exampleFile, 'utf8') : '';
    const secretNames = new Set<string>(SECRET_VARIABLES);
    const lines = template.split('\n').map((line) => {
      const name = line.split('=')[0];
      return secretNames.has(name) ? `${name}=${generateValue(name)}` : line;
    });
    for (const name of SECRET_VARIABLES) {
      if (!lines.some((line) => line.startsWith(`${name}=`))) lines.push(`${name}=${generateValue(name)}`);
    }
    fs.writeFileSync(envFile, lines.join('\n'), { mode: 0o600 });
    // eslint-disable-next-line no-console
    console.info(`[env] created ${envFile} with fresh random secrets`);
  }
  const values = dotenv.parse(fs.readFileSync(envFile));
  for (const name of SECRET_VARIABLES) {
    if (!process.env[name] && values[name]) process.env[name] = values[name];
  }
};

const isExampleValue = (name: string, value: string, examples: Record<string, string>) => {
  const example = examples[name];
  if (!example) return false;
  const exampleParts = new Set(example.split(','));
  return value.split(',').some((part) => exampleParts.has(part.trim()));
};

/**
 * Returns the secret `name` from the environment. Production refuses to start when it is missing or
 * still holds the example value from `.env.example`; other environments create `.env` on demand.
 */
export const requireSecret = (env: EnvReader, name: SecretVariable): string => {
  const production = process.env.NODE_ENV === 'production';
  let value = env(name) ?? process.env[name];
  if (!value && !production) {
    ensureDevelopmentEnv();
    value = process.env[name];
  }
  if (!value) {
    throw new Error(`Missing required secret ${name}: set it in the environment (see .env.example).`);
  }
  if (production && isExampleValue(name, value, readExampleValues())) {
    throw new Error(`Refusing to start: secret ${name} still has its example value from .env.example; set a real secret.`);
  }
  return value;
};
