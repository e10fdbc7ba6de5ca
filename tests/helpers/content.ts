import type { Core } from '@strapi/strapi';
import { runTrusted } from '../../src/lib/trusted';

type Data = Record<string, unknown>;

const documents = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as never);

/**
 * Publishes as trusted content (test fixtures are not under review): bypasses the approval
 * workflow the way the seed does, so tests about other features need no approvals.
 */
export const publishTrusted = (strapi: Core.Strapi, uid: string, documentId: string, locales: string[] = ['vi']) =>
  runTrusted(strapi, 'Test fixture', async () => {
    for (const locale of locales) await documents(strapi, uid).publish({ documentId, locale } as never);
  });

/** Creates a vi document (draft), optionally an en localization, and publishes what is asked. */
export const createDocument = async (
  strapi: Core.Strapi,
  uid: string,
  data: Data,
  { publish = false, en }: { publish?: boolean; en?: Data } = {},
): Promise<{ documentId: string; id: number }> => {
  const doc = (await documents(strapi, uid).create({ locale: 'vi', data } as never)) as { documentId: string; id: number };
  if (en) await documents(strapi, uid).update({ documentId: doc.documentId, locale: 'en', data: en } as never);
  if (publish) await publishTrusted(strapi, uid, doc.documentId, en ? ['vi', 'en'] : ['vi']);
  return doc;
};

let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence;
};

export const agencyData = (overrides: Data = {}): Data => ({ name: `Sở Thử nghiệm ${next()}`, code: `SO-TEST-${next()}`, ...overrides });

export const policyData = (overrides: Data = {}): Data => ({
  title: `Chính sách thử nghiệm ${next()}`,
  summary: 'Tóm tắt dễ hiểu của chính sách.',
  stage: 'drafting',
  ...overrides,
});

export const consultationDraftData = (policy: string, overrides: Data = {}): Data => {
  const now = Date.now();
  return {
    title: `Dự thảo lấy ý kiến ${next()}`,
    policy,
    version: 1,
    opensAt: new Date(now - 86_400_000).toISOString(),
    closesAt: new Date(now + 10 * 86_400_000).toISOString(),
    ...overrides,
  };
};
