import path from 'path';
import type { Core } from '@strapi/strapi';

type DatabaseConfig = Core.Config.Database;

/**
 * SQLite (embedded, zero setup) is the default so that `npm run develop` works on a fresh clone;
 * `DATABASE_CLIENT=postgres` switches to PostgreSQL through `pg`, configured by `DATABASE_URL`
 * or by the individual host/name/user variables.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): DatabaseConfig => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    const url = env('DATABASE_URL', '') ? new URL(env('DATABASE_URL', '')) : null;
    const ssl = env.bool('DATABASE_SSL', false)
      ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
      : false;
    // The individual variables override the parts of DATABASE_URL (tests give each file its own database).
    return {
      connection: {
        client: 'postgres',
        connection: {
          host: env('DATABASE_HOST', url?.hostname || '127.0.0.1'),
          port: env.int('DATABASE_PORT', url?.port ? Number(url.port) : 5432),
          database: env('DATABASE_NAME', url ? decodeURIComponent(url.pathname.slice(1)) : 'policy_cms'),
          user: env('DATABASE_USERNAME', url ? decodeURIComponent(url.username) : 'postgres'),
          password: env('DATABASE_PASSWORD', url ? decodeURIComponent(url.password) : ''),
          ssl,
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}"`);
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
    },
  };
};

export default config;
