import type { Core } from '@strapi/strapi';

export const seedDemoOnFirstBoot = async (_strapi: Core.Strapi): Promise<void> => {};
