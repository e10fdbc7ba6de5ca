import type { Core } from '@strapi/strapi';
import { keepPluginOwned } from '../../../../common/plugin-owned-types';
import { ENTRY_UID, IMMUTABLE_MESSAGE as MESSAGE } from './constants';

/**
 * Keeps the entries out of reach of every write path, the content manager (reads included: the
 * plugin's own page, the super admin's, is the only way to read them) and GraphQL.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  keepPluginOwned(strapi, { uids: [ENTRY_UID], contentManagerMessage: MESSAGE, writeMessage: MESSAGE });
};
