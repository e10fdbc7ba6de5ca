import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type services from '../services';

type Services = typeof services;
export type ServiceName = keyof Services;
export type ServiceOf<Name extends ServiceName> = ReturnType<Services[Name]>;

/** The plugin's services, typed: the one way the plugin's modules reach each other. */
export const getService = <Name extends ServiceName>(strapi: Core.Strapi, name: Name): ServiceOf<Name> =>
  strapi.plugin(PLUGIN_ID).service(name) as ServiceOf<Name>;
