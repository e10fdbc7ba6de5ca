import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { pluginConfigSchema, type PluginConfig } from '../config/schema';

/** The plugin config with defaults applied (validated at load by `config.validator`). */
export const getPluginConfig = (strapi: Core.Strapi): PluginConfig =>
  pluginConfigSchema.parse(strapi.config.get(`plugin::${PLUGIN_ID}`) ?? {});
