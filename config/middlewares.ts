import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Reads the public write routes' bodies (32 KB limit, raw bytes for signatures) before strapi::body.
  'global::public-body',
  'strapi::body',
  // Lets the feedback's moderation `status` through Strapi's content manager (see the file).
  'global::feedback-status-bridge',
  'strapi::session',
  'strapi::favicon',
  'global::upload-headers',
  'strapi::public',
];

export default config;
