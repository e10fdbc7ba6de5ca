import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/lib/env-secrets';
import { strapiUploadSecurity } from '../src/lib/uploads/allowed-types';

/**
 * E-mail goes out over SMTP (Strapi's email plugin with the nodemailer provider) only when SMTP_HOST
 * is set; without it Strapi keeps its default provider, which the notifications plugin never calls:
 * its messages are recorded as skipped.
 */
const emailPlugin = (env: Core.Config.Shared.ConfigParams['env']) => {
  const host = env('SMTP_HOST', '');
  if (!host) return {};
  const user = env('SMTP_USER', '');
  const port = env.int('SMTP_PORT', 587);
  return {
    email: {
      config: {
        provider: 'nodemailer',
        providerOptions: {
          host,
          port,
          // Implicit TLS on 465; elsewhere STARTTLS when the server offers it (required with SMTP_REQUIRE_TLS).
          secure: env.bool('SMTP_SECURE', port === 465),
          requireTLS: env.bool('SMTP_REQUIRE_TLS', false),
          ...(user ? { auth: { user, pass: env('SMTP_PASSWORD', '') } } : {}),
          connectionTimeout: env.int('SMTP_TIMEOUT_MS', 10_000),
          greetingTimeout: env.int('SMTP_TIMEOUT_MS', 10_000),
          socketTimeout: env.int('SMTP_TIMEOUT_MS', 10_000),
        },
        settings: {
          defaultFrom: env('SMTP_FROM', 'no-reply@localhost'),
          defaultReplyTo: env('SMTP_REPLY_TO', env('SMTP_FROM', 'no-reply@localhost')),
        },
      },
    },
  };
};

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  ...emailPlugin(env),
  // The notification outbox: messages to people (e-mail), retried, listed for super admins (README: "Notifications").
  notifications: {
    enabled: env.bool('NOTIFICATIONS_ENABLED', true),
    resolve: './src/plugins/notifications',
    config: {
      worker: {
        enabled: env.bool('NOTIFICATIONS_WORKER_ENABLED', true),
        pollIntervalMs: env.int('NOTIFICATIONS_POLL_INTERVAL_MS', 5000),
        concurrency: env.int('NOTIFICATIONS_CONCURRENCY', 4),
        leaseMs: env.int('NOTIFICATIONS_LEASE_MS', 60_000),
      },
      retry: {
        maxAttempts: env.int('NOTIFICATIONS_MAX_ATTEMPTS', 10),
        baseDelayMs: env.int('NOTIFICATIONS_RETRY_BASE_MS', 60_000),
      },
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: requireSecret(env, 'JWT_SECRET'),
    },
  },
  // Strapi's own type check, a first gate; the app's content check decides (src/extensions/upload, README: Security).
  upload: {
    config: {
      security: strapiUploadSecurity(),
    },
  },
  // Admin tools for radio scripts (render audio, live duration, audio player); the content type is api::radio-script.
  radio: {
    enabled: true,
    resolve: './src/plugins/radio',
  },
  'public-participation': {
    enabled: true,
    resolve: './src/plugins/public-participation',
    // The place the report on how feedback was taken in is dated at ("Lào Cai, ngày … tháng … năm …").
    config: { reportPlace: env('REPORT_PLACE', 'Lào Cai') },
  },
  // Each agency sees its own work: which relation leads from a content type to the agency that owns it
  // (the "in my agency" condition of the editorial roles; README: "Agency access").
  'agency-access': {
    enabled: true,
    resolve: './src/plugins/agency-access',
    config: {
      // The editorial roles (Editor, Reviewer, Leader) get the condition on these types, once per database.
      scopeEditorialRoles: env.bool('AGENCY_SCOPED_ROLES', true),
      scopes: {
        'api::feedback.feedback': 'respondingAgency',
        'api::policy.policy': 'leadAgency',
        'api::consultation-draft.consultation-draft': 'policy.leadAgency',
        'api::radio-script.radio-script': 'policy.leadAgency',
      },
    },
  },
  // Who did which sensitive action, when and from where; read by super admins (README: "Audit trail").
  'audit-trail': {
    enabled: env.bool('AUDIT_TRAIL_ENABLED', true),
    resolve: './src/plugins/audit-trail',
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: 7,
      amountLimit: 100,
      defaultLimit: 25,
      maxLimit: 100,
      landingPage: env('NODE_ENV') !== 'production',
      // strapi::cors (config/middlewares.ts) answers for /graphql too; Apollo's own would reflect every origin.
      apolloServer: { cors: false },
    },
  },
  // Nothing covered here is published without the approvals it needs (see src/plugins/approval-workflow).
  // Covered content types are listed here only; a uid whose content type does not exist yet is ignored with a warning.
  // `steps` are taken in order, each only by someone holding that role (reviewer, leader), never twice by one person.
  'approval-workflow': {
    enabled: env.bool('APPROVAL_WORKFLOW_ENABLED', true),
    resolve: './src/plugins/approval-workflow',
    config: {
      contentTypes: [
        { uid: 'api::policy.policy', steps: ['reviewer', 'leader'] },
        { uid: 'api::consultation-draft.consultation-draft', steps: ['reviewer'] },
        { uid: 'api::radio-script.radio-script', steps: ['reviewer'] },
      ],
    },
  },
  // Publication events, the delivery outbox and its channels (README: "Multi-channel publishing").
  'multichannel-publishing': {
    enabled: env.bool('MULTICHANNEL_PUBLISHING_ENABLED', true),
    resolve: './src/plugins/multichannel-publishing',
    config: {
      contentTypes: [
        {
          uid: 'api::policy.policy',
          // What channels need besides the entry itself; private fields (focal points' phones, emails) are stripped.
          populate: {
            leadAgency: { populate: { focalPoints: true } },
            audiences: true,
            attachments: true,
            stageHistory: true,
          },
        },
        { uid: 'api::consultation-draft.consultation-draft', populate: { policy: true, document: true, questions: true } },
        // Radio scripts reach the source system as bulletins. A uid that does not exist is ignored (logged at boot).
        { uid: 'api::radio-script.radio-script' },
      ],
      publicUrl: env('PUBLIC_URL', ''),
      dispatcher: {
        enabled: env.bool('PUBLISHING_DISPATCHER_ENABLED', true),
        pollIntervalMs: env.int('PUBLISHING_POLL_INTERVAL_MS', 5000),
        sweepIntervalMs: env.int('PUBLISHING_SWEEP_INTERVAL_MS', 60_000),
        concurrency: env.int('PUBLISHING_CONCURRENCY', 4),
        leaseMs: env.int('PUBLISHING_LEASE_MS', 120_000),
      },
      retry: {
        maxAttempts: env.int('PUBLISHING_MAX_ATTEMPTS', 12),
        baseDelayMs: env.int('PUBLISHING_RETRY_BASE_MS', 90_000),
      },
      health: {
        failingAfter: env.int('PUBLISHING_HEALTH_FAILING_AFTER', 5),
        recentWindow: env.int('PUBLISHING_HEALTH_RECENT_WINDOW', 20),
        stalledAfterMs: env.int('PUBLISHING_HEALTH_STALLED_AFTER_MS', 3 * 60 * 60 * 1000),
        checkIntervalMs: env.int('PUBLISHING_HEALTH_CHECK_INTERVAL_MS', 60_000),
      },
      channels: {
        portal: {
          url: env('PORTAL_WEBHOOK_URL', ''),
          secret: env('PORTAL_WEBHOOK_SECRET', ''),
          timeoutMs: env.int('PORTAL_WEBHOOK_TIMEOUT_MS', 10_000),
          entryUrlTemplate: env('PORTAL_ENTRY_URL_TEMPLATE', ''),
        },
        zalo: {
          apiBase: env('ZALO_API_BASE', 'https://openapi.zalo.me'),
          oauthBase: env('ZALO_OAUTH_BASE', 'https://oauth.zaloapp.com'),
          appId: env('ZALO_APP_ID', ''),
          secretKey: env('ZALO_SECRET_KEY', ''),
          refreshToken: env('ZALO_REFRESH_TOKEN', ''),
          author: env('ZALO_ARTICLE_AUTHOR', ''),
          coverUrl: env('ZALO_COVER_URL', ''),
          defaultCoverText: env('ZALO_DEFAULT_COVER_TEXT', 'Tỉnh Lào Cai'),
          timeoutMs: env.int('ZALO_TIMEOUT_MS', 10_000),
          verifyAttempts: env.int('ZALO_VERIFY_ATTEMPTS', 5),
          verifyDelayMs: env.int('ZALO_VERIFY_DELAY_MS', 2000),
        },
        // Broadcasts of OA articles to followers, on a leader's request (POST /multichannel-publishing/broadcasts).
        'zalo-broadcast': {
          monthlyLimit: env.int('ZALO_BROADCAST_MONTHLY_LIMIT', 4),
          hours: env('ZALO_BROADCAST_HOURS', '06:00-20:00'),
          cities: env('ZALO_BROADCAST_CITIES', ''),
          recheckMs: env.int('ZALO_BROADCAST_RECHECK_MS', 60_000),
        },
        'source-system': {
          url: env('SOURCE_SYSTEM_URL', ''),
          token: env('SOURCE_SYSTEM_TOKEN', ''),
          timeoutMs: env.int('SOURCE_SYSTEM_TIMEOUT_MS', 30_000),
        },
        facebook: {
          graphBase: env('FACEBOOK_GRAPH_BASE', 'https://graph.facebook.com/v24.0'),
          pageId: env('FACEBOOK_PAGE_ID', ''),
          pageToken: env('FACEBOOK_PAGE_TOKEN', ''),
          entryUrlTemplate: env('PORTAL_ENTRY_URL_TEMPLATE', ''),
          timeoutMs: env.int('FACEBOOK_TIMEOUT_MS', 10_000),
        },
      },
    },
  },
});

export default config;
