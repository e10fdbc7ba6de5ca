import { asAdmin, loginAdmin, SUPER_ADMIN, SUPER_ADMIN_ENV } from '../helpers/admin';
import { consultationDraftData, createDocument, policyData, publishTrusted } from '../helpers/content';
import { startSourceSystem, type SourceSystem } from '../helpers/fakes/source-system';
import { eventually, publishingEnv } from '../helpers/publishing';
import { startTestApp, type TestApp } from '../helpers/strapi';

/**
 * Never a published child pointing at an unpublished parent: unpublishing a policy withdraws its
 * consultation drafts (per locale) and its radio bulletins (with the Vietnamese version), in the
 * same action, and the source system takes the bulletin off the air.
 */

const POLICY = 'api::policy.policy';
const DRAFT = 'api::consultation-draft.consultation-draft';
const SCRIPT = 'api::radio-script.radio-script';
const CM = '/content-manager/collection-types';
const TOKEN = 'source-system-withdrawal-token';

let app: TestApp;
let source: SourceSystem;
let admin: ReturnType<typeof asAdmin>;

beforeAll(async () => {
  source = await startSourceSystem(TOKEN);
  app = await startTestApp('policy_withdrawal', {
    ...SUPER_ADMIN_ENV,
    ...publishingEnv({ APPROVAL_WORKFLOW_ENABLED: 'true', PUBLISHING_CONCURRENCY: '1' }),
    SOURCE_SYSTEM_URL: source.url,
    SOURCE_SYSTEM_TOKEN: TOKEN,
    RADIO_AUDIO_POLL_MS: '100',
  });
  admin = asAdmin(app.strapi, await loginAdmin(app.strapi, SUPER_ADMIN.email, SUPER_ADMIN.password));
});

afterAll(async () => {
  await app.stop();
  await source.close();
});

const publishedLocales = async (uid: string, documentId: string): Promise<string[]> =>
  ((await app.strapi.db.query(uid as never).findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['locale'] })) as Array<{ locale: string | null }>)
    .map((row) => String(row.locale))
    .sort();

/** A policy published in vi and en, with a draft in both locales and a bulletin (ethnic-language, so no audio wait). */
const publishedFamily = async () => {
  const policy = (await createDocument(app.strapi, POLICY, policyData(), { publish: true, en: { title: 'Housing support', summary: 'Plain summary.' } })).documentId;
  const draft = (await createDocument(app.strapi, DRAFT, consultationDraftData(policy), { publish: true, en: { title: 'Draft resolution' } })).documentId;
  const script = (await createDocument(app.strapi, SCRIPT, { policy, title: 'Bản tin', script: 'Kính thưa bà con.', language: 'hmn' })).documentId;
  await publishTrusted(app.strapi, SCRIPT, script);
  await eventually('the bulletin on air', () => source.received.some((b) => b.method === 'POST' && b.status === 201 && b.metadata?.id === script));
  return { policy, draft, script };
};

const unpublishInAdmin = (policy: string, locale: string) => admin.post(`${CM}/${POLICY}/${policy}/actions/unpublish?locale=${locale}`).send({});

describe('unpublishing a policy', () => {
  it('withdraws only the English draft when only the English version is unpublished', async () => {
    const { policy, draft, script } = await publishedFamily();
    expect((await unpublishInAdmin(policy, 'en')).status).toBe(200);
    expect(await publishedLocales(POLICY, policy)).toEqual(['vi']);
    expect(await publishedLocales(DRAFT, draft)).toEqual(['vi']);
    expect(await publishedLocales(SCRIPT, script)).toHaveLength(1);
  });

  it('withdraws every draft and the bulletin with the Vietnamese version, and the source system takes it off the air', async () => {
    const { policy, draft, script } = await publishedFamily();
    expect((await unpublishInAdmin(policy, 'en')).status).toBe(200);
    expect((await unpublishInAdmin(policy, 'vi')).status).toBe(200);
    expect(await publishedLocales(POLICY, policy)).toEqual([]);
    expect(await publishedLocales(DRAFT, draft)).toEqual([]);
    expect(await publishedLocales(SCRIPT, script)).toEqual([]);
    const withdrawal = await eventually('the withdrawal', () =>
      source.received.find((bulletin) => bulletin.method === 'DELETE' && bulletin.path === `/bulletins/BT-${script}`),
    );
    expect(withdrawal.status).toBe(204);
  });

  it('leaves the public APIs with no published child of an unpublished policy (GraphQL lists answer without errors)', async () => {
    const { policy, script } = await publishedFamily();
    expect((await app.strapi.documents(POLICY).unpublish({ documentId: policy, locale: '*' } as never))).toBeTruthy();
    const rest = await app.http().get('/api/radio-scripts?pagination[pageSize]=100');
    expect(rest.status).toBe(200);
    expect(rest.body.data.map((row: { documentId: string }) => row.documentId)).not.toContain(script);
    const graphql = await app.http().post('/graphql').send({ query: '{ radioScripts(pagination: { pageSize: 100 }) { documentId policy { documentId } } consultationDrafts(pagination: { pageSize: 100 }) { documentId policy { documentId } } }' });
    expect(graphql.status).toBe(200);
    expect(graphql.body.errors).toBeUndefined();
    expect(graphql.body.data.radioScripts.length).toBeGreaterThan(0);
    expect(graphql.body.data.radioScripts.every((row: { policy: unknown }) => row.policy !== null)).toBe(true);
  });
});
