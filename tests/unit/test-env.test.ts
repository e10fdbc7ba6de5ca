import { applyTestEnv, EXTERNAL_SERVICE_PREFIXES } from '../helpers/env';

describe('the test environment', () => {
  const saved = { ...process.env };

  afterEach(() => {
    process.env = { ...saved };
  });

  it.each(EXTERNAL_SERVICE_PREFIXES.map((prefix) => [prefix]))('removes every %s variable a developer’s shell may hold', (prefix) => {
    const names = [`${prefix}URL`, `${prefix}SECRET_KEY`, `${prefix.toLowerCase()}token`];
    for (const name of names) process.env[name] = 'https://real-service.example.com';
    applyTestEnv();
    for (const name of names) expect(process.env).not.toHaveProperty(name);
  });

  it('removes the real channels’ settings that would make a publish reach them', () => {
    Object.assign(process.env, {
      ZALO_REFRESH_TOKEN: 'real-refresh-token',
      PORTAL_WEBHOOK_URL: 'https://portal.example.gov.vn/webhooks/cms',
      SOURCE_SYSTEM_URL: 'https://nguon.example.gov.vn/api',
      SMTP_HOST: 'smtp.example.gov.vn',
      AWS_SECRET_ACCESS_KEY: 'real-secret',
      SPEECH_PROVIDER: 'fpt-ai',
      SPEECH_API_KEY: 'real-fpt-ai-key',
    });
    applyTestEnv();
    const left = Object.keys(process.env).filter((name) => /^(ZALO|PORTAL|SOURCE_SYSTEM|FACEBOOK|SMTP|TTS|SPEECH|EMAIL|SMS|S3|AWS)_/i.test(name));
    expect(left).toEqual([]);
  });

  it('keeps what is not an outside service', () => {
    process.env.DATABASE_CLIENT = 'sqlite';
    process.env.PATH_TO_NOTHING = 'kept';
    applyTestEnv();
    expect(process.env.DATABASE_CLIENT).toBe('sqlite');
    expect(process.env.PATH_TO_NOTHING).toBe('kept');
    expect(process.env.NODE_ENV).toBe('test');
  });
});
