import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import { getService } from './utils/get-service';

/** Registers the read permission (only the super admin has it) and starts the worker. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany([
    {
      section: 'plugins',
      pluginName: PLUGIN_ID,
      uid: 'read',
      displayName: 'Xem thông báo đã gửi / Read the notification outbox',
      subCategory: 'notifications',
    },
  ]);
  getService(strapi, 'worker').start();
};
