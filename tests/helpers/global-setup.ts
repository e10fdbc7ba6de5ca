import path from 'path';
import { compileStrapi } from '@strapi/strapi';

/** Compiles the TypeScript app (and its local plugins) once for the whole run; each file then boots from dist. */
export default async function globalSetup(): Promise<void> {
  if (process.env.SKIP_STRAPI_COMPILE === 'true') return;
  const appDir = path.resolve(__dirname, '../..');
  await compileStrapi({ appDir, ignoreDiagnostics: false });
}
