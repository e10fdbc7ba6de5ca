import { PREFERENCES_TABLE } from '../constants';
import { HIDDEN_PLUGIN_OPTIONS } from '../../../../../common/hidden-content-type';

/**
 * One admin user's notification choices (absent row = the defaults: every e-mail on). Written only
 * by the plugin, for the logged-in admin themself (PUT /notifications/preferences).
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: PREFERENCES_TABLE,
    info: {
      singularName: 'preference',
      pluralName: 'preferences',
      displayName: 'Notification preference',
      description: "An admin user's choice of e-mails: the approval workflow, the daily overdue-feedback digest",
    },
    options: { draftAndPublish: false },
    pluginOptions: HIDDEN_PLUGIN_OPTIONS,
    attributes: {
      adminUserId: { type: 'integer', required: true },
      /** E-mails when a document is submitted to them for review. */
      reviewRequests: { type: 'boolean', default: true, required: true },
      /** E-mails when their document is approved or needs changes. */
      reviewOutcomes: { type: 'boolean', default: true, required: true },
      /** The daily e-mail to an agency's focal points (and the coordinators) listing overdue feedback. */
      overdueDigest: { type: 'boolean', default: true, required: true },
    },
    indexes: [{ name: 'notifications_preferences_user_unique', columns: ['admin_user_id'], type: 'unique' }],
  },
};
