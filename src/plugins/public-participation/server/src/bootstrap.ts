import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';

/** Registers the plugin's admin permissions, so roles can be given them in Settings → Roles. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany([
    {
      section: 'plugins',
      pluginName: PLUGIN_ID,
      uid: 'read',
      displayName: 'Xem góp ý quá hạn và thống kê / Read overdue feedback and counts',
      subCategory: 'feedback',
    },
    {
      section: 'plugins',
      pluginName: PLUGIN_ID,
      uid: 'moderate',
      displayName: 'Kiểm duyệt góp ý / Moderate feedback',
      subCategory: 'feedback',
    },
    {
      section: 'plugins',
      pluginName: PLUGIN_ID,
      uid: 'export',
      displayName: 'Xuất góp ý (CSV) / Export feedback (CSV)',
      subCategory: 'feedback',
    },
  ]);
};
