import type { Core } from '@strapi/strapi';

/**
 * Public participation settings (read through `src/api/feedback/settings.ts`). Every value has a
 * default, so a fresh clone needs no variable; `.env.example` lists them commented.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  responseDays: env.int('FEEDBACK_RESPONSE_DAYS', 15),
  // Where a citizen follows their feedback, e.g. https://portal.example.vn/tra-cuu/{trackingCode}; unset: e-mails carry no link.
  trackingUrlTemplate: env('PORTAL_TRACKING_URL_TEMPLATE', ''),
  // When the daily digest of overdue feedback goes to agencies' focal points (cron rule, Vietnam's time); empty: never.
  overdueDigestRule: env('FEEDBACK_OVERDUE_DIGEST_CRON', '0 7 * * 1-5'),
  rateLimit: {
    intake: {
      perMinute: env.int('FEEDBACK_RATE_LIMIT_PER_MINUTE', 5),
      perDay: env.int('FEEDBACK_RATE_LIMIT_PER_DAY', 30),
    },
    track: {
      perMinute: env.int('FEEDBACK_TRACK_RATE_LIMIT_PER_MINUTE', 30),
      perDay: env.int('FEEDBACK_TRACK_RATE_LIMIT_PER_DAY', 500),
    },
  },
  zalo: {
    appId: env('ZALO_OA_APP_ID', ''),
    secretKey: env('ZALO_OA_SECRET_KEY', ''),
    toleranceSeconds: env.int('ZALO_WEBHOOK_TOLERANCE_SECONDS', 300),
  },
});

export default config;
