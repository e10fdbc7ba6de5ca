import type { Core } from '@strapi/strapi';
import { RATE_LIMIT_CLEANUP_TASK } from './constants';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.cron.remove(RATE_LIMIT_CLEANUP_TASK);
};
