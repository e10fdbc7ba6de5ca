import type { Core } from '@strapi/strapi';
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
  // Reads the public write routes' bodies (32 KB limit, raw bytes for signatures) before strapi::body.
  'global::public-body',
  'strapi::body',
  'global::graphql-document-guard', // GraphQL documents Apollo's validation cannot survive → 400 (src/graphql/document-guard.ts)
  // Lets the feedback's moderation `status` through Strapi's content manager (see the file).
  'global::feedback-status-bridge',
  // Admin and authenticated answers never enter a shared cache.
  'global::private-responses',
  'strapi::session',
  'strapi::favicon',
  'global::upload-headers',
  'strapi::public',
];

export default config;
