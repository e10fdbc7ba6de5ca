import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { APP_DIR, applyTestEnv } from '../helpers/env';

/**
 * Compiles the server and builds the admin panel (`strapi build`, about a minute) so the browser
 * tests run against what production serves. `E2E_SKIP_BUILD=true` reuses an existing build.
 */
export default async function globalSetup(): Promise<void> {
  const built = fs.existsSync(path.join(APP_DIR, 'dist/build/index.html'));
  if (process.env.E2E_SKIP_BUILD === 'true' && built) return;
  applyTestEnv();
  execFileSync(path.join(APP_DIR, 'node_modules/.bin/strapi'), ['build'], { cwd: APP_DIR, stdio: 'inherit', env: process.env });
}
