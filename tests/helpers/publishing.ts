import type { Core } from '@strapi/strapi';
import { waitFor } from './wait';

/** A Standard Webhooks secret for tests (whsec_ + base64 of 24 bytes). */
export const PORTAL_SECRET = 'whsec_dGVzdC1wb3J0YWwtc2VjcmV0LTI0Ynl0ZXMh';
export const ZALO_APP = { appId: 'test-app-1234', secretKey: 'test-zalo-secret-key', refreshToken: 'rt_initial_from_env' } as const;

const PUBLISHING_VARIABLES = [
  'PUBLIC_URL',
  'PUBLISHING_DISPATCHER_ENABLED',
  'PUBLISHING_POLL_INTERVAL_MS',
  'PUBLISHING_SWEEP_INTERVAL_MS',
  'PUBLISHING_CONCURRENCY',
  'PUBLISHING_LEASE_MS',
  'PUBLISHING_MAX_ATTEMPTS',
  'PUBLISHING_RETRY_BASE_MS',
  'PORTAL_WEBHOOK_URL',
  'PORTAL_WEBHOOK_SECRET',
  'PORTAL_WEBHOOK_TIMEOUT_MS',
  'PORTAL_ENTRY_URL_TEMPLATE',
  'ZALO_API_BASE',
  'ZALO_OAUTH_BASE',
  'ZALO_APP_ID',
  'ZALO_SECRET_KEY',
  'ZALO_REFRESH_TOKEN',
  'ZALO_ARTICLE_AUTHOR',
  'ZALO_COVER_URL',
  'ZALO_TIMEOUT_MS',
  'ZALO_VERIFY_ATTEMPTS',
  'ZALO_VERIFY_DELAY_MS',
  'SOURCE_SYSTEM_URL',
  'SOURCE_SYSTEM_TOKEN',
  'SOURCE_SYSTEM_TIMEOUT_MS',
  'FACEBOOK_GRAPH_BASE',
  'FACEBOOK_PAGE_ID',
  'FACEBOOK_PAGE_TOKEN',
  'FACEBOOK_TIMEOUT_MS',
] as const;

type PublishingVariable = (typeof PUBLISHING_VARIABLES)[number];

/**
 * Env for `startTestApp`: every publishing variable is set or cleared, with millisecond retry
 * delays and a fast poll so tests never wait on production timings. The approval workflow is off
 * (the plugin must work without it, and these tests are about distribution);
 * publishing-approval.test.ts runs with it on.
 */
export const publishingEnv = (
  values: Partial<Record<PublishingVariable | 'APPROVAL_WORKFLOW_ENABLED', string>> = {},
): Record<string, string | undefined> => {
  const env: Record<string, string | undefined> = Object.fromEntries(PUBLISHING_VARIABLES.map((name) => [name, undefined]));
  return {
    ...env,
    APPROVAL_WORKFLOW_ENABLED: 'false',
    PUBLISHING_POLL_INTERVAL_MS: '50',
    PUBLISHING_RETRY_BASE_MS: '20',
    PUBLISHING_LEASE_MS: '30000',
    PUBLISHING_SWEEP_INTERVAL_MS: '600000',
    ZALO_VERIFY_DELAY_MS: '10',
    ...values,
  };
};

export const portalEnv = (url: string) => ({ PORTAL_WEBHOOK_URL: url, PORTAL_WEBHOOK_SECRET: PORTAL_SECRET });

export const zaloEnv = (base: string) => ({
  ZALO_API_BASE: base,
  ZALO_OAUTH_BASE: base,
  ZALO_APP_ID: ZALO_APP.appId,
  ZALO_SECRET_KEY: ZALO_APP.secretKey,
  ZALO_REFRESH_TOKEN: ZALO_APP.refreshToken,
  ZALO_COVER_URL: 'http://127.0.0.1:9/cover.jpg',
});

export const FACEBOOK_PAGE = { pageId: '102030405060708', pageToken: 'EAAtestPageToken0123456789' } as const;

export const facebookEnv = (graphBase: string) => ({
  FACEBOOK_GRAPH_BASE: graphBase,
  FACEBOOK_PAGE_ID: FACEBOOK_PAGE.pageId,
  FACEBOOK_PAGE_TOKEN: FACEBOOK_PAGE.pageToken,
});

export const POLICY = 'api::policy.policy';
export const CONSULTATION_DRAFT = 'api::consultation-draft.consultation-draft';
export const DELIVERY = 'plugin::multichannel-publishing.delivery';
export const EVENT = 'plugin::multichannel-publishing.publication-event';

export type DeliveryRow = {
  id: number;
  eventId: number;
  eventSequence: number;
  targetUid: string;
  targetDocumentId: string;
  targetLocale: string | null;
  channel: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  lastStatusCode: number | null;
  externalId: string | null;
  idempotencyKey: string;
  deliveredAt: string | null;
  workerId: string | null;
};

export type EventRow = {
  id: number;
  documentId: string;
  sequence: number;
  type: string;
  targetUid: string;
  targetDocumentId: string;
  targetLocale: string | null;
  entryId: number;
  occurredAt: string;
  snapshot: any;
  recordedBy: string;
};

/** Deliveries as stored (read through the database layer, not the API under test). */
export const deliveriesOf = async (strapi: Core.Strapi, where: Record<string, unknown> = {}): Promise<DeliveryRow[]> =>
  (await strapi.db.query(DELIVERY as never).findMany({ where, orderBy: [{ eventSequence: 'asc' }, { id: 'asc' }] })) as DeliveryRow[];

export const eventsOf = async (strapi: Core.Strapi, where: Record<string, unknown> = {}): Promise<EventRow[]> =>
  (await strapi.db.query(EVENT as never).findMany({ where, orderBy: { sequence: 'asc' } })) as EventRow[];

/** Creates a draft policy through the document service and returns its documentId. */
export const createPolicy = async (strapi: Core.Strapi, data: Record<string, unknown> = {}, locale = 'vi'): Promise<string> => {
  const doc = await strapi.documents(POLICY as never).create({
    data: { title: 'Chính sách hỗ trợ phát triển sản xuất nông nghiệp', summary: 'Hỗ trợ nông dân vay vốn ưu đãi.', ...data },
    locale,
  } as never);
  return (doc as { documentId: string }).documentId;
};

export const publishPolicy = (strapi: Core.Strapi, documentId: string, locale = 'vi') =>
  strapi.documents(POLICY as never).publish({ documentId, locale } as never);

export const unpublishPolicy = (strapi: Core.Strapi, documentId: string, locale = 'vi') =>
  strapi.documents(POLICY as never).unpublish({ documentId, locale } as never);

export const updatePolicyDraft = (strapi: Core.Strapi, documentId: string, data: Record<string, unknown>, locale = 'vi') =>
  strapi.documents(POLICY as never).update({ documentId, locale, data } as never);

/** `waitFor` with the description first and a fast poll: deliveries settle within milliseconds in these tests. */
export const eventually = <T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  { timeoutMs = 20_000, intervalMs = 25 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> => waitFor(async () => probe(), { what, timeoutMs, intervalMs });
