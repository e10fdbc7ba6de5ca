import fs from 'fs';
import os from 'os';
import path from 'path';
import dotenv from 'dotenv';
import { requireSecret, SECRET_VARIABLES } from '../../src/lib/env-secrets';
import { APP_DIR } from '../helpers/env';

const envReader = (name: string) => process.env[name];

describe('development secrets', () => {
  const saved = { ...process.env };
  let dir: string;
  const cwd = process.cwd();

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcms-env-'));
    fs.copyFileSync(path.join(APP_DIR, '.env.example'), path.join(dir, '.env.example'));
    process.chdir(dir);
    process.env.NODE_ENV = 'development';
    for (const name of SECRET_VARIABLES) delete process.env[name];
  });

  afterEach(() => {
    process.chdir(cwd);
    process.env = { ...saved };
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates .env from .env.example with fresh random secrets when there is none', () => {
    const value = requireSecret(envReader, 'ADMIN_JWT_SECRET');
    const written = dotenv.parse(fs.readFileSync(path.join(dir, '.env')));
    const example = dotenv.parse(fs.readFileSync(path.join(dir, '.env.example')));
    expect(written.ADMIN_JWT_SECRET).toBe(value);
    for (const name of SECRET_VARIABLES) {
      expect(written[name]).toBeTruthy();
      expect(written[name]).not.toBe(example[name]);
    }
    expect(written.APP_KEYS.split(',')).toHaveLength(4);
    expect(written.DATABASE_CLIENT).toBe('sqlite');
  });

  it('keeps an existing .env and its secrets', () => {
    fs.writeFileSync(path.join(dir, '.env'), 'ADMIN_JWT_SECRET=kept-value\n');
    expect(requireSecret(envReader, 'ADMIN_JWT_SECRET')).toBe('kept-value');
    expect(fs.readFileSync(path.join(dir, '.env'), 'utf8')).toBe('ADMIN_JWT_SECRET=kept-value\n');
  });

  it('generates different secrets on two fresh machines', () => {
    const first = requireSecret(envReader, 'JWT_SECRET');
    fs.rmSync(path.join(dir, '.env'));
    delete process.env.JWT_SECRET;
    expect(requireSecret(envReader, 'JWT_SECRET')).not.toBe(first);
  });
});
