import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import type agencyWork from './services/agency-work';
import type feedbackExport from './services/feedback-export';
import type moderation from './services/moderation';

type Services = {
  'agency-work': ReturnType<typeof agencyWork>;
  'feedback-export': ReturnType<typeof feedbackExport>;
  moderation: ReturnType<typeof moderation>;
};

/** The plugin's services, typed. */
export const getService = <Name extends keyof Services>(strapi: Core.Strapi, name: Name): Services[Name] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[Name];
