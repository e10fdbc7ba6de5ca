import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Stops the worker, waiting for the messages it is sending. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'worker').stop();
};
