import type { Core } from '@strapi/strapi';
import { configSchema, type NotificationsConfig } from '../config';
import { PLUGIN_ID } from '../constants';

/** The plugin's settings with their defaults filled in. */
export const getPluginConfig = (strapi: Core.Strapi): NotificationsConfig => configSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}`) ?? {});
