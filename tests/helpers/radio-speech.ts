import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from './admin';
import { createDocument, policyData } from './content';
import { startFptTts, type FptTts } from './fakes/fpt-ai-tts';
import { startSourceSystem, type SourceSystem } from './fakes/source-system';
import { publishingEnv } from './publishing';
import { startTestApp, type TestApp } from './strapi';

export const FPT_KEY = 'fpt-test-api-key';
const SOURCE_TOKEN = 'source-system-test-token';

export type SpeechApp = {
  app: TestApp;
  fpt: FptTts;
  source: SourceSystem;
  admin: ReturnType<typeof asAdmin>;
  /** A published policy the tests' radio scripts belong to. */
  policyId: string;
  stop: () => Promise<void>;
};

/**
 * The app speaking through the FPT.AI provider (a local fake) and delivering bulletins to a local
 * source system, with short retry and poll intervals; a super admin logged in; one published policy.
 */
export const startSpeechApp = async (
  label: string,
  { voice, maxAttempts, policyTitle }: { voice: string; maxAttempts: number; policyTitle: string },
): Promise<SpeechApp> => {
  const fpt = await startFptTts(FPT_KEY);
  const source = await startSourceSystem(SOURCE_TOKEN);
  const app = await startTestApp(label, {
    ...SUPER_ADMIN_ENV,
    ...publishingEnv({ PUBLISHING_CONCURRENCY: '1' }),
    SOURCE_SYSTEM_URL: source.url,
    SOURCE_SYSTEM_TOKEN: SOURCE_TOKEN,
    RADIO_AUDIO_POLL_MS: '100',
    SPEECH_PROVIDER: 'fpt-ai',
    SPEECH_API_URL: fpt.url,
    SPEECH_API_KEY: FPT_KEY,
    SPEECH_VOICE: voice,
    SPEECH_MAX_ATTEMPTS: String(maxAttempts),
    SPEECH_RETRY_BASE_MS: '20',
    SPEECH_POLL_MS: '20',
  });
  const admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
  const policyId = (await createDocument(app.strapi, 'api::policy.policy', policyData({ title: policyTitle }), { publish: true })).documentId;
  return {
    app,
    fpt,
    source,
    admin,
    policyId,
    stop: async () => {
      await app.stop();
      await source.close();
      await fpt.close();
    },
  };
};
