import type { Core } from '@strapi/strapi';
import { keepPluginOwned } from '../../../../common/plugin-owned-types';
import { MESSAGE_UID, PLUGIN_OWNED_MESSAGE, PLUGIN_OWNED_PREFERENCES_MESSAGE, PREFERENCE_UID, ZALO_CONTACTS_UID } from './constants';

/** The outbox is the plugin's: no content-manager access, no document-service writes, no GraphQL. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  keepPluginOwned(strapi, { uids: [MESSAGE_UID, ZALO_CONTACTS_UID], contentManagerMessage: PLUGIN_OWNED_MESSAGE, writeMessage: PLUGIN_OWNED_MESSAGE });
  keepPluginOwned(strapi, { uids: [PREFERENCE_UID], contentManagerMessage: PLUGIN_OWNED_PREFERENCES_MESSAGE, writeMessage: PLUGIN_OWNED_PREFERENCES_MESSAGE });
};
