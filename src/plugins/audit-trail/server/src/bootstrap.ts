import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import { subscribeQueryGuard } from './guards';

/**
 * Registers the read permission (Strapi gives every permission to the super admin; no role of the
 * product is given this one) and the query-engine guard, once the database is up.
 */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  subscribeQueryGuard(strapi);
  await strapi.service('admin::permission').actionProvider.registerMany([
    {
      section: 'plugins',
      pluginName: PLUGIN_ID,
      uid: 'read',
      displayName: 'Xem nhật ký kiểm toán / Read the audit trail',
      subCategory: 'audit',
    },
  ]);
};
