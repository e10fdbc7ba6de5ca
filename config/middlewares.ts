import type { Core } from '@strapi/strapi';
import { rejectUnreadableBody } from '../src/lib/body-errors';
import { contentApiCors } from '../src/lib/cors';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // Public reads from any origin (or CORS_ORIGINS) without credentials; the admin only from its own origins.
  { name: 'strapi::cors', config: contentApiCors(env) },
  // Admin sessions over HTTPS only when admin cookies are Secure (production).
  'global::admin-https',
  'strapi::query',
  // Query limits of content-API reads, before Strapi's own validation (src/lib/query-limits.ts).
  'global::content-api-query-guard',
  // Reads the public feedback routes' bodies (32 KB limit, raw bytes for signatures) before strapi::body.
  'api::feedback.public-body',
  // An unreadable body is a 4xx, never a 500.
  { name: 'strapi::body', config: { onError: rejectUnreadableBody } },
  // GraphQL documents Apollo's validation cannot survive (fragment cycles, fragment bombs) → 400.
  'global::graphql-document-guard',
  // Anonymous GraphQL queries answered from the read cache (after the guard: it parsed the body).
  'global::graphql-cache',
  // Admin and authenticated answers never enter a shared cache.
  'global::private-responses',
  // Anonymous reads of published content: strong ETag, public max-age, 304 on If-None-Match.
  'global::public-cache',
  'strapi::session',
  'strapi::favicon',
  // Files under /uploads/ run nothing and download unless they are images, audio or PDF.
  'global::upload-headers',
  'strapi::public',
];

export default config;
