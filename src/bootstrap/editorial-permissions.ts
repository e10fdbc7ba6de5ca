import type { Core, UID } from '@strapi/strapi';
import { FEEDBACK_UID } from '../common/uids';
import { CONTENT_MANAGER } from '../common/strapi-actions';
import { permissionFields, type FieldScope } from './permission-fields';

type Grant = { action: string; subject?: UID.ContentType; fields?: FieldScope };

/** Admin role codes created by the approval-workflow plugin (Biên tập viên, Người duyệt, Lãnh đạo). */
export const ROLE_CODES = {
  editor: 'approval-workflow-editor',
  reviewer: 'approval-workflow-reviewer',
  leader: 'approval-workflow-leader',
} as const;

const CM_READ = CONTENT_MANAGER.read;
const CM_UPDATE = CONTENT_MANAGER.update;

/**
 * What the editorial roles need from the other plugins: agencies' editors watch deliveries and
 * answer feedback (with the submitter's contact details, to reply); leaders follow both and
 * export the synthesis, without citizens' personal data (the feedback schema's private fields).
 */
const GRANTS: Record<keyof typeof ROLE_CODES, Grant[]> = {
  editor: [
    { action: 'plugin::multichannel-publishing.read' },
    { action: 'plugin::multichannel-publishing.retry' },
    { action: 'plugin::public-participation.read' },
    { action: 'plugin::public-participation.moderate' },
    { action: 'plugin::public-participation.export' },
    { action: CM_READ, subject: FEEDBACK_UID, fields: 'all' },
    { action: CM_UPDATE, subject: FEEDBACK_UID, fields: 'all' },
  ],
  reviewer: [
    { action: 'plugin::multichannel-publishing.read' },
    { action: 'plugin::public-participation.read' },
    { action: CM_READ, subject: FEEDBACK_UID, fields: 'without-private' },
  ],
  leader: [
    { action: 'plugin::multichannel-publishing.read' },
    { action: 'plugin::multichannel-publishing.retry' },
    // Zalo rations broadcasts to followers (a few a month): the leader decides which policy gets one.
    { action: 'plugin::multichannel-publishing.broadcast' },
    { action: 'plugin::public-participation.read' },
    { action: 'plugin::public-participation.export' },
    { action: CM_READ, subject: FEEDBACK_UID, fields: 'without-private' },
  ],
};

/**
 * Adds the grants above to the editorial roles when they exist, idempotently: a permission an
 * administrator already has (or removed and re-added by hand) is never duplicated; actions of a
 * disabled plugin are skipped. Roles created by hand in Settings → Roles are not touched.
 */
export const grantEditorialPermissions = async (strapi: Core.Strapi): Promise<void> => {
  const registered = new Set(
    (strapi.service('admin::permission').actionProvider.values() as Array<{ actionId: string }>).map((action) => action.actionId),
  );
  for (const [key, code] of Object.entries(ROLE_CODES) as Array<[keyof typeof ROLE_CODES, string]>) {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code } })) as { id: number } | null;
    if (!role) continue;
    for (const grant of GRANTS[key]) {
      if (!registered.has(grant.action)) continue;
      const subject = grant.subject ?? null;
      const existing = await strapi.db.query('admin::permission').findOne({ where: { role: role.id, action: grant.action, subject } });
      if (existing) continue;
      await strapi.db.query('admin::permission').create({
        data: {
          action: grant.action,
          actionParameters: {},
          subject,
          properties: grant.fields && subject ? { fields: permissionFields(strapi, subject, grant.fields) } : {},
          conditions: [],
          role: role.id,
        },
      });
    }
  }
};
