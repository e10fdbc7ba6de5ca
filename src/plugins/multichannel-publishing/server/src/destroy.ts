import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Stops the dispatcher's timers and waits for attempts in progress to be recorded. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'channel-health').stop();
  await getService(strapi, 'dispatcher').stop();
};
