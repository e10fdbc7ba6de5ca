import { MEMBERSHIP_TABLE } from '../constants';
import { HIDDEN_PLUGIN_OPTIONS } from '../../../../../common/hidden-content-type';

/**
 * One admin user's membership of one agency. Plain columns rather than relations: agencies are
 * localized (one row per locale, one `documentId`), and the content manager cannot pick admin users
 * in a relation field (it shows their ids): membership is edited on the agency's side panel.
 */
export default {
  schema: {
    kind: 'collectionType',
    collectionName: MEMBERSHIP_TABLE,
    info: {
      singularName: 'membership',
      pluralName: 'memberships',
      displayName: 'Agency membership',
      description: 'Which admin users belong to which agency',
    },
    options: { draftAndPublish: false },
    pluginOptions: HIDDEN_PLUGIN_OPTIONS,
    attributes: {
      userId: { type: 'integer', required: true },
      agencyDocumentId: { type: 'string', required: true, maxLength: 64 },
    },
  },
};
